import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { silentLogger } from '../../src/core/logger.js';
import { preloadForQueues } from '../../src/queue/run-worker-process.js';
import { loggingFfmpeg } from '../support/logging-ffmpeg.js';

/** What a queue worker loads before it takes jobs, with the real ffmpeg behind a wrapper that logs each call. */
describe('a queue worker preloading for its queues', () => {
  let root: string;
  let app: App;
  let calls: () => Promise<string[]>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-preload-'));
    const logged = await loggingFfmpeg(root);
    calls = logged.calls;
    app = createApp(loadConfig({ BRIEFCAST_DATA_DIR: join(root, 'data'), BRIEFCAST_PUBLISH_DIR: join(root, 'published'), FFMPEG_PATH: logged.ffmpeg, FFPROBE_PATH: logged.ffprobe }), { logger: silentLogger() });
  });
  afterAll(async () => {
    await app?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('asks ffmpeg nothing for publishing alone, and its capability questions for synthesis, before any job', async () => {
    await preloadForQueues(app, ['publish']);
    expect(await calls()).toEqual([]);
    await preloadForQueues(app, ['synthesise']);
    expect((await calls()).sort()).toEqual(['-encoders', '-formats']);
  });
});
