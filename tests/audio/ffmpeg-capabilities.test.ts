import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { podcastEncoding } from '../../src/audio/encode-settings.js';
import { FfmpegTools } from '../../src/audio/ffmpeg.js';
import { loggingFfmpeg } from '../support/logging-ffmpeg.js';

/** fluent-ffmpeg asks ffmpeg for its formats and encoders before a process's first command. */
describe('ffmpeg capability questions', () => {
  let root: string;
  let tools: FfmpegTools;
  let calls: () => Promise<string[]>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-ffmpeg-caps-'));
    const logged = await loggingFfmpeg(root);
    calls = logged.calls;
    tools = new FfmpegTools({ ffmpeg: logged.ffmpeg, ffprobe: logged.ffprobe, origin: 'env' });
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('are asked once for the process, even when two first commands start together', async () => {
    await Promise.all([
      tools.renderSilence(200, join(root, 'a.mp3'), podcastEncoding),
      tools.renderSilence(300, join(root, 'b.mp3'), podcastEncoding),
      tools.prepare(),
    ]);
    await tools.renderSilence(100, join(root, 'c.mp3'), podcastEncoding);
    const made = await calls();
    expect(made.filter((args) => args === '-formats')).toHaveLength(1);
    expect(made.filter((args) => args === '-encoders')).toHaveLength(1);
    expect(made.filter((args) => args.includes('anullsrc'))).toHaveLength(3);
  });
});
