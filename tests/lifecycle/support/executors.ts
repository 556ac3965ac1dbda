import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config/env.js';
import { silentLogger } from '../../../src/core/logger.js';
import type { PipelineContext } from '../../../src/pipeline/context.js';
import { EmbeddedExecutor } from '../../../src/pipeline/embedded-executor.js';
import { EpisodeRunner, type EpisodeEvent } from '../../../src/pipeline/episode-runner.js';
import { eventually, TestCluster } from '../../distributed/support/cluster.js';
import { installTestHooks } from '../../distributed/support/test-hooks.js';

/** A provider that always refuses (wrapping nothing real is needed): the "fail" of fail-then-retry. */
export const TEST_HOOK = JSON.stringify({ providers: { refusing: { failAlways: true, failWith: 'auth' } } });

/** One executor under test, behind the one runner both modes share. */
export interface ExecutorUnderTest {
  runner: EpisodeRunner;
  ctx: PipelineContext;
  events: EpisodeEvent[];
  /** Kills the worker (distributed only) once its output shows `line`, and starts a fresh one. */
  crashWorkerAfter?: (line: string) => Promise<void>;
  dispose(): Promise<void>;
}

/** In process: local folders, real eSpeak NG and ffmpeg. */
export async function embeddedExecutor(): Promise<ExecutorUnderTest> {
  const root = await mkdtemp(join(tmpdir(), 'briefcast-contract-'));
  const config = loadConfig({ BRIEFCAST_DATA_DIR: join(root, 'data'), BRIEFCAST_PUBLISH_DIR: join(root, 'published'), BRIEFCAST_CONCURRENCY: '2' });
  const app = createApp(config, { logger: silentLogger() });
  installTestHooks(app, TEST_HOOK);
  const runner = await new EpisodeRunner(app.ctx, new EmbeddedExecutor(app.ctx, { concurrency: 2 })).start();
  const events: EpisodeEvent[] = [];
  runner.onEvent((event) => events.push(event));
  return {
    runner,
    ctx: app.ctx,
    events,
    async dispose() {
      await runner.close();
      await app.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** BullMQ: real Redis (unique prefix), s3rver, and a worker child process running the production worker. */
export async function bullmqExecutor(): Promise<ExecutorUnderTest> {
  const cluster = await TestCluster.start({ BRIEFCAST_TEST_HOOK: TEST_HOOK, LOG_LEVEL: 'info' });
  let worker = await cluster.startWorker();
  const runner = await cluster.app.episodes.start();
  const events: EpisodeEvent[] = [];
  runner.onEvent((event) => events.push(event));
  return {
    runner,
    ctx: cluster.app.app.ctx,
    events,
    async crashWorkerAfter(line: string) {
      const seen = worker.output().split(line).length - 1;
      await eventually(`worker output "${line}"`, async () => (worker.output().split(line).length - 1 > seen ? true : undefined));
      await cluster.kill(worker);
      worker = await cluster.startWorker();
    },
    async dispose() {
      await cluster.stop();
    },
  };
}
