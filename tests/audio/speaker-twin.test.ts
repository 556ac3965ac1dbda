import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { podcastEncoding, SAMPLES_PER_MP3_FRAME } from '../../src/audio/encode-settings.js';
import { FfmpegTools } from '../../src/audio/ffmpeg.js';
import { findFfmpeg } from '../../src/audio/ffmpeg-binaries.js';
import { countMp3Frames } from '../../src/audio/mp3-frames.js';
import { GAIN_STEP_DB } from '../../src/audio/mp3-gain.js';
import { riddenSpeakerTwin, TWIN_PEAK_LIMIT_DBTP } from '../../src/audio/speaker-twin.js';
import { FramesOverLevelMeter } from '../../src/audio/true-peak.js';
import { measureWithEbur128 } from '../support/media.js';
import { run } from '../outputs/support/media-tools.js';

/**
 * A podcast piece whose encode left two peaks without the speaker twin's headroom:
 * quiet speech-like noise with two short loud tone bursts, as a piece MP3 (no tags, no Xing frame).
 */
describe('the speaker twin of a piece with a few hot peaks', () => {
  let root: string;
  const tools = new FfmpegTools(findFfmpeg({ pathDirs: process.env.PATH }));
  const decode = (mp3: string, raw: string) => tools.decodePieces([{ mp3, raw }], podcastEncoding);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-twin-'));
    const bed = 'anoisesrc=color=pink:amplitude=0.25:duration=8:seed=3,tremolo=f=3:d=0.8';
    const bursts = "sine=f=700:d=8,volume='if(between(t,2,2.06)+between(t,5.5,5.56),4.8,0)':eval=frame";
    await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', bed, '-f', 'lavfi', '-i', bursts, '-filter_complex', '[0][1]amix=inputs=2:normalize=0', '-ac', '1', '-ar', '44100', '-c:a', 'libmp3lame', '-b:a', '96k', '-write_xing', '0', '-id3v2_version', '0', '-f', 'mp3', join(root, 'piece.mp3')]);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('raises every frame but those around the hot peaks, keeps the speaker limit, and loses little loudness', async () => {
    const mp3 = join(root, 'piece.mp3');
    const podcast = await measureWithEbur128(mp3);
    // A twin raised everywhere would pass the speaker limit.
    expect(podcast.truePeak + GAIN_STEP_DB).toBeGreaterThan(TWIN_PEAK_LIMIT_DBTP);
    const bytes = await readFile(mp3);
    const speaker = join(root, 'speaker.mp3');
    const decoded = join(root, 'piece.f32');
    await decode(mp3, decoded);
    const twin = await riddenSpeakerTwin({ bytes, decoded, speaker, decode }, podcastEncoding);
    expect(twin).toBeDefined();
    const measured = await measureWithEbur128(speaker);
    expect(measured.truePeak).toBeLessThanOrEqual(TWIN_PEAK_LIMIT_DBTP + 0.05);
    expect(Math.abs((twin!.analysis.truePeakDbtp ?? 0) - measured.truePeak)).toBeLessThanOrEqual(0.15);
    // The same frames, a few of them left alone: the rest is one gain step louder.
    expect(countMp3Frames(await readFile(speaker))).toBe(countMp3Frames(bytes));
    const frames = countMp3Frames(bytes);
    expect(twin!.riddenFrames).toBeGreaterThan(0);
    expect(twin!.riddenFrames).toBeLessThan(frames / 5);
    expect(measured.integrated - podcast.integrated).toBeGreaterThan(0.8);
    expect(measured.integrated - podcast.integrated).toBeLessThanOrEqual(GAIN_STEP_DB + 0.05);
  });
});

describe('frames over a level', () => {
  it('are the frames holding samples or inter-sample peaks above it, each once', () => {
    const samples = new Float32Array(SAMPLES_PER_MP3_FRAME * 10);
    for (let i = 0; i < samples.length; i += 1) samples[i] = 0.1 * Math.sin(i / 7);
    // Frame 3: one loud sample. Frame 7: a tone whose peaks fall between samples (1/4 of the sample rate, phase 45 degrees).
    samples[3 * SAMPLES_PER_MP3_FRAME + 500] = 0.9;
    for (let i = 0; i < 64; i += 1) samples[7 * SAMPLES_PER_MP3_FRAME + 200 + i] = 0.62 * Math.sin((Math.PI / 2) * i + Math.PI / 4);
    const meter = new FramesOverLevelMeter(0.7, SAMPLES_PER_MP3_FRAME);
    meter.push(samples.subarray(0, 5000));
    meter.push(samples.subarray(5000));
    // The tone's samples stay at 0.62 * 0.707 = 0.44, its peaks reach 0.62: under the level. At 0.8 of the level they count.
    expect(meter.frames).toEqual([3]);
    const lower = new FramesOverLevelMeter(0.55, SAMPLES_PER_MP3_FRAME);
    lower.push(samples);
    expect(lower.frames).toEqual([3, 7]);
  });
});
