import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { findFfmpeg } from '../../src/audio/ffmpeg-binaries.js';
import { loadConfig } from '../../src/config/env.js';
import { silentLogger } from '../../src/core/logger.js';
import { preloadForQueues } from '../../src/queue/run-worker-process.js';

/** What a queue worker loads before it takes jobs; the real ffmpeg runs behind a wrapper that logs each call. */
describe('a queue worker preloading for its queues', () => {
  let root: string;
  let log: string;
  let app: App;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-preload-'));
    log = join(root, 'calls.log');
    const wrapper = join(root, 'ffmpeg');
    const real = findFfmpeg({ pathDirs: process.env.PATH });
    await writeFile(wrapper, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real.ffmpeg}' "$@"\n`);
    await chmod(wrapper, 0o755);
    await writeFile(log, '');
    app = createApp(loadConfig({ BRIEFCAST_DATA_DIR: join(root, 'data'), BRIEFCAST_PUBLISH_DIR: join(root, 'published'), FFMPEG_PATH: wrapper, FFPROBE_PATH: execFileSync('sh', ['-c', `command -v ${real.ffprobe}`], { encoding: 'utf8' }).trim() }), { logger: silentLogger() });
  });
  afterAll(async () => {
    await app?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('asks ffmpeg nothing for publishing alone, and its capability questions for synthesis, before any job', async () => {
    await preloadForQueues(app, ['publish']);
    expect((await readFile(log, 'utf8')).trim()).toBe('');
    await preloadForQueues(app, ['synthesise']);
    const calls = (await readFile(log, 'utf8')).trim().split('\n').map((line) => line.trim());
    expect(calls.sort()).toEqual(['-encoders', '-formats']);
  });
});
