import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { podcastEncoding } from '../../src/audio/encode-settings.js';
import { FfmpegTools } from '../../src/audio/ffmpeg.js';
import { findFfmpeg } from '../../src/audio/ffmpeg-binaries.js';

/**
 * fluent-ffmpeg asks ffmpeg for its formats and encoders before a process's first command.
 * The real ffmpeg runs behind a wrapper that logs each call's arguments.
 */
describe('ffmpeg capability questions', () => {
  let root: string;
  let log: string;
  let tools: FfmpegTools;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-ffmpeg-caps-'));
    log = join(root, 'calls.log');
    const real = findFfmpeg({ pathDirs: process.env.PATH });
    const wrapper = join(root, 'ffmpeg');
    await writeFile(wrapper, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real.ffmpeg}' "$@"\n`);
    await chmod(wrapper, 0o755);
    await writeFile(log, '');
    tools = new FfmpegTools({ ...real, ffmpeg: wrapper });
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
    const calls = (await readFile(log, 'utf8')).trim().split('\n');
    expect(calls.filter((args) => args.trim() === '-formats')).toHaveLength(1);
    expect(calls.filter((args) => args.trim() === '-encoders')).toHaveLength(1);
    expect(calls.filter((args) => args.includes('anullsrc'))).toHaveLength(3);
  });
});
