import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_PER_MP3_FRAME } from '../../src/audio/encode-settings.js';
import { combineLoudness, decodeEnergies } from '../../src/audio/loudness-blocks.js';
import { speakerRenditionRefusal } from '../../src/audio/speaker-rendition.js';
import { masterPiece, speakerPieceKey } from '../../src/pipeline/master-piece.js';
import { workKeys } from '../../src/storage/keys.js';
import { measureWithEbur128 } from '../support/media.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { run } from './support/media-tools.js';

/**
 * The speaker twin of a piece from inputs unlike eSpeak speech: a quiet and a
 * loud pulsing noise (far from either target), each piece and twin measured
 * afterwards by ffmpeg's ebur128 called directly.
 */
describe('speaker twins of pieces', () => {
  let app: TestApp;
  let dir: string;

  async function pulsingNoise(name: string, gainDb: number): Promise<string> {
    const path = join(app.root, name);
    await run('ffmpeg', [
      '-v', 'error', '-y', '-f', 'lavfi', '-i', 'anoisesrc=color=pink:amplitude=0.5:duration=12:seed=7',
      '-af', `tremolo=f=3:d=0.9,volume=${gainDb}dB`, '-ac', '1', '-ar', '44100', '-c:a', 'libmp3lame', '-b:a', '96k', path,
    ]);
    return path;
  }

  beforeAll(async () => {
    app = await createTestApp();
    dir = await mkdtemp(join(app.root, 'scratch-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await app?.dispose();
  });

  it.each([
    ['quiet', -16],
    ['loud', 4],
  ])('masters %s input to -16 LUFS and its twin to -14 LUFS with true peak at or below -2 dBTP', async (name, gainDb) => {
    const input = await pulsingNoise(`${name}.mp3`, gainDb);
    const before = await measureWithEbur128(input);
    expect(Math.abs(before.integrated - -14)).toBeGreaterThan(3);
    const info = await masterPiece(app.ctx, `noise-${name}`, [input], dir);
    const podcastFile = join(app.root, `${name}-piece.mp3`);
    const twinFile = join(app.root, `${name}-twin.mp3`);
    await app.ctx.work.getToFile(workKeys.segmentAudio(info.cacheKey), podcastFile);
    await app.ctx.work.getToFile(speakerPieceKey(info.cacheKey), twinFile);
    const [podcast, twin] = await Promise.all([measureWithEbur128(podcastFile), measureWithEbur128(twinFile)]);
    expect(Math.abs(podcast.integrated - -16)).toBeLessThanOrEqual(1);
    expect(podcast.truePeak).toBeLessThanOrEqual(-1);
    expect(Math.abs(twin.integrated - -14)).toBeLessThanOrEqual(1);
    expect(twin.truePeak).toBeLessThanOrEqual(-2);
    // What the piece keeps about itself matches the independent measurement.
    const derived = (energies: string) => combineLoudness([{ energies: decodeEnergies(energies) }], 44_100, SAMPLES_PER_MP3_FRAME).integratedLufs;
    expect(Math.abs(derived(info.loudness.energies) - podcast.integrated)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(derived(info.speaker!.energies) - twin.integrated)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(info.speaker!.truePeakDbtp! - twin.truePeak)).toBeLessThanOrEqual(0.1);
  });

  it('is refused for audio Alexa will not play: under 10 seconds or over 10 minutes', () => {
    expect(speakerRenditionRefusal(9.9)).toBe('shorter than 10 s');
    expect(speakerRenditionRefusal(600.5)).toBe('longer than 10 minutes');
    expect(speakerRenditionRefusal(10)).toBeUndefined();
    expect(speakerRenditionRefusal(600)).toBeUndefined();
  });
});
