import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAIN_STEP_DB, raiseMp3Gain } from '../../src/audio/mp3-gain.js';
import { countMp3Frames } from '../../src/audio/mp3-frames.js';
import { peakToDbtp, TruePeakMeter } from '../../src/audio/true-peak.js';
import { analyseSampleFile } from '../../src/audio/sample-analysis.js';
import { measureWithEbur128 } from '../support/media.js';
import { run } from '../outputs/support/media-tools.js';

const rate = 44_100;

async function decodeFloats(file: string): Promise<Float32Array> {
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-f', 'f32le', '-ac', '1', '-ar', String(rate), '-'], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  return new Float32Array(stdout.buffer.slice(stdout.byteOffset, stdout.byteOffset + stdout.byteLength));
}

describe('lossless MP3 gain steps', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'briefcast-gain-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([
    ['mono 44.1 kHz 96 kbps', ['-ac', '1', '-ar', '44100', '-b:a', '96k']],
    ['stereo 44.1 kHz 128 kbps', ['-ac', '2', '-ar', '44100', '-b:a', '128k']],
    ['mono 22.05 kHz 48 kbps (MPEG-2)', ['-ac', '1', '-ar', '22050', '-b:a', '48k']],
  ])('scales the decoded signal by exactly 2^(1/4) per step, frames untouched: %s', async (_name, format) => {
    const piece = join(dir, `piece-${format.join('')}.mp3`);
    await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'anoisesrc=color=pink:amplitude=0.2:duration=3:seed=3', ...format, '-c:a', 'libmp3lame', '-write_xing', '0', '-id3v2_version', '0', piece]);
    const original = await readFile(piece);
    const { bytes, clipped } = raiseMp3Gain(original, 1);
    expect(clipped).toBe(0);
    expect(bytes.length).toBe(original.length);
    expect(countMp3Frames(bytes)).toBe(countMp3Frames(original));
    const raisedFile = join(dir, `raised-${format.join('')}.mp3`);
    await writeFile(raisedFile, bytes);
    const [before, after] = await Promise.all([decodeFloats(piece), decodeFloats(raisedFile)]);
    expect(after.length).toBe(before.length);
    let worst = 0;
    for (let i = 0; i < before.length; i += 1) worst = Math.max(worst, Math.abs(after[i]! - 2 ** 0.25 * before[i]!));
    expect(worst).toBeLessThan(1e-4);
    const [loudBefore, loudAfter] = await Promise.all([measureWithEbur128(piece), measureWithEbur128(raisedFile)]);
    expect(loudAfter.integrated - loudBefore.integrated).toBeCloseTo(GAIN_STEP_DB, 0);
    expect(GAIN_STEP_DB).toBeCloseTo(1.50515, 4);
  });
});

describe('true-peak meter', () => {
  it('reads the peak between samples: a quarter-rate sine sampled 45 degrees off its crests peaks 3.01 dB above its samples', () => {
    const samples = new Float32Array(rate);
    for (let i = 0; i < samples.length; i += 1) samples[i] = 0.5 * Math.sin((Math.PI / 2) * i + Math.PI / 4);
    const meter = new TruePeakMeter();
    meter.push(samples);
    const samplePeak = Math.max(...samples.map(Math.abs));
    expect(20 * Math.log10(samplePeak / 0.5)).toBeCloseTo(-3.01, 1);
    expect(peakToDbtp(meter.peak)!).toBeCloseTo(20 * Math.log10(0.5), 1);
  });

  it('gives the same peak whatever the chunk sizes, and matches ffmpeg on decoded speech-like noise within 0.1 dB', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'briefcast-peak-'));
    try {
      const file = join(dir, 'noise.mp3');
      await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'anoisesrc=color=pink:amplitude=0.4:duration=6:seed=11', '-af', 'tremolo=f=4:d=0.8', '-ac', '1', '-ar', '44100', '-c:a', 'libmp3lame', '-b:a', '96k', file]);
      const samples = await decodeFloats(file);
      const whole = new TruePeakMeter();
      whole.push(samples);
      const chunked = new TruePeakMeter();
      for (let at = 0; at < samples.length; at += 4097) chunked.push(samples.subarray(at, at + 4097));
      expect(chunked.peak).toBe(whole.peak);
      const raw = join(dir, 'noise.f32');
      await writeFile(raw, Buffer.from(samples.buffer));
      const analysis = await analyseSampleFile(raw, 1, rate, 1152);
      expect(analysis.truePeakDbtp).toBeCloseTo(peakToDbtp(whole.peak)!, 6);
      expect(Math.abs(analysis.truePeakDbtp! - (await measureWithEbur128(file)).truePeak)).toBeLessThanOrEqual(0.1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
