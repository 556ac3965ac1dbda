import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { podcastEncoding } from '../../src/audio/encode-settings.js';
import { findFfmpeg } from '../../src/audio/ffmpeg-binaries.js';
import { FfmpegTools } from '../../src/audio/ffmpeg.js';
import { renderSpeakerRendition, speakerRenditionRefusal } from '../../src/audio/speaker-rendition.js';
import { measureWithEbur128 } from '../support/media.js';
import { run } from './support/media-tools.js';

/**
 * The speaker rendition from inputs unlike eSpeak speech: a quiet and a loud
 * pulsing noise (far from the podcast level), each measured afterwards by
 * ffmpeg's ebur128 called directly.
 */
describe('speaker rendition', () => {
  let dir: string;
  const ffmpeg = new FfmpegTools(findFfmpeg());

  async function pulsingNoise(name: string, gainDb: number): Promise<string> {
    const path = join(dir, name);
    await run('ffmpeg', [
      '-v', 'error', '-y', '-f', 'lavfi', '-i', 'anoisesrc=color=pink:amplitude=0.5:duration=12:seed=7',
      '-af', `tremolo=f=3:d=0.9,volume=${gainDb}dB`, '-ac', '1', '-ar', '44100', '-c:a', 'libmp3lame', '-b:a', '96k', path,
    ]);
    return path;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'briefcast-speaker-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([
    ['quiet', -16],
    ['loud', 4],
  ])('brings %s input to -14 LUFS with true peak at or below -2 dBTP', async (name, gainDb) => {
    const input = await pulsingNoise(`${name}.mp3`, gainDb);
    const before = await ffmpeg.measureLoudness(input);
    const output = join(dir, `${name}-speaker.mp3`);
    const rendition = await renderSpeakerRendition(ffmpeg, input, output, podcastEncoding, before);
    const measured = await measureWithEbur128(output);
    expect(Math.abs(before.integratedLufs - -14)).toBeGreaterThan(3);
    expect(Math.abs(measured.integrated - -14)).toBeLessThanOrEqual(1);
    expect(measured.truePeak).toBeLessThanOrEqual(-2);
    expect(Math.abs(rendition.loudness.integratedLufs - measured.integrated)).toBeLessThanOrEqual(0.2);
  });

  it('is refused for audio Alexa will not play: under 10 seconds or over 10 minutes', () => {
    expect(speakerRenditionRefusal(9.9)).toBe('shorter than 10 s');
    expect(speakerRenditionRefusal(600.5)).toBe('longer than 10 minutes');
    expect(speakerRenditionRefusal(10)).toBeUndefined();
    expect(speakerRenditionRefusal(600)).toBeUndefined();
  });
});
