import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { podcastEncoding, SAMPLES_PER_MP3_FRAME } from '../../src/audio/encode-settings.js';
import { FfmpegTools } from '../../src/audio/ffmpeg.js';
import { findFfmpeg } from '../../src/audio/ffmpeg-binaries.js';
import { ENCODE_LOSS_LU, limitedLoudness, LimiterEnvelopeMeter } from '../../src/audio/limiter-estimate.js';
import { combineLoudness } from '../../src/audio/loudness-blocks.js';
import { analyseSampleFile } from '../../src/audio/sample-analysis.js';
import { run } from '../outputs/support/media-tools.js';

const TEXT =
  'The harbour ferry returned to service on Monday after a month of repairs. Crews replaced both engines and the ticket office reopened at dawn, ' +
  'and the first crossing left on time with more than two hundred passengers aboard, many of them commuters who had spent weeks on the long road around the bay.';

/**
 * The limiter estimate against the real chain: real synthesised speech from
 * both engines, compressed, then rendered at several gains through the real
 * gain, limiter and MP3 encoder, decoded and measured.
 */
describe('limiter loudness estimate', () => {
  let root: string;
  const ffmpeg = new FfmpegTools(findFfmpeg({ pathDirs: process.env.PATH }));
  const settings = podcastEncoding;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-limiter-'));
    await run('espeak-ng', ['-v', 'en-us', '-w', join(root, 'espeak.wav'), TEXT]);
    await writeFile(join(root, 'text.txt'), TEXT);
    await run('text2wave', ['-eval', '(voice_cmu_us_slt_arctic_hts)', '-o', join(root, 'festival.wav'), join(root, 'text.txt')]);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it.each(['espeak', 'festival'])('predicts the loudness of %s speech after gain, limiter and encoding within 0.2 LU', async (engine) => {
    const raw = join(root, `${engine}.f32`);
    await ffmpeg.compressPieces([{ inputs: [join(root, `${engine}.wav`)], raw }], settings);
    const meter = new LimiterEnvelopeMeter(settings.channels, (await stat(raw)).size / (4 * settings.channels));
    const compressed = await analyseSampleFile(raw, settings.channels, settings.sampleRate, SAMPLES_PER_MP3_FRAME, 'sample', meter);
    const envelope = meter.finish();
    const seconds = (envelope.peaks.length * 32) / settings.sampleRate;
    const ceilingDb = -5.3;
    const rows: string[] = [];
    let previous = Number.NEGATIVE_INFINITY;
    for (const gainDb of [6, 8.5, 11]) {
      const mp3 = join(root, `${engine}-${gainDb}.mp3`);
      await ffmpeg.renderPieces([{ raw, seconds, pass: { gainDb, ceilingDb }, mp3 }], settings);
      await ffmpeg.decodePieces([{ mp3, raw: `${mp3}.f32` }], settings);
      const measured = combineLoudness([await analyseSampleFile(`${mp3}.f32`, settings.channels, settings.sampleRate, SAMPLES_PER_MP3_FRAME)], settings.sampleRate, SAMPLES_PER_MP3_FRAME).integratedLufs;
      const predicted = limitedLoudness(envelope, compressed.energies, gainDb, ceilingDb, settings.sampleRate, SAMPLES_PER_MP3_FRAME) - ENCODE_LOSS_LU;
      rows.push(`gain ${gainDb} dB: predicted ${predicted.toFixed(2)}, measured ${measured.toFixed(2)} LUFS`);
      expect(Math.abs(predicted - measured), rows.join('; ')).toBeLessThanOrEqual(0.2);
      // More gain is louder, by less than the gain once the limiter works harder.
      expect(predicted).toBeGreaterThan(previous);
      previous = predicted;
    }
    console.log(`${engine}: ${rows.join('; ')}`);
  });
});
