import type { AppConfig } from '../config/env.js';
import type { App } from '../app.js';
import { createDistributedApp } from './distributed-app.js';
import { jobHandlers } from './handlers/index.js';
import { allQueueNames, QueueNames, type QueueName } from './job-types.js';
import { startWorkers } from './worker-runtime.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { piecesInFlight } from '../pipeline/context.js';
import { keepOffThreadPoolWarm, limitOffThreadPool } from '../offthread/pool.js';
import { loadFeedBuilder } from '../pipeline/publish-episode.js';

export interface WorkerProcessOptions {
  /** Queues to serve; all when empty. */
  queues?: string[];
  /** Jobs at once per queue; per-queue defaults when absent. */
  concurrency?: number;
  /** Test hooks and the like: adjust the app before workers start. */
  prepare?: (app: App) => void | Promise<void>;
}

/**
 * Stitching is CPU-bound: a job per two cores (it is mostly file copies).
 * Synthesis takes several jobs per core: the engine calls are held to one per
 * core (ctx.synthesisSlots) and the pieces waiting for mastering share batches.
 * Script writing and publishing mostly wait on storage.
 */
export function defaultConcurrency(queue: QueueName, cores: number): number {
  if (queue === QueueNames.synthesise) return piecesInFlight(cores);
  if (queue === QueueNames.stitch) return Math.max(1, Math.ceil(cores / 2));
  return Math.max(2, cores);
}

export function parseQueueNames(names: string[] | undefined): QueueName[] {
  if (!names || names.length === 0) return [...allQueueNames];
  for (const name of names) {
    if (!(allQueueNames as string[]).includes(name)) {
      throw new BriefcastError(ErrorCodes.CONFIG_INVALID, `unknown queue; known: ${allQueueNames.join(', ')}`, { subject: name });
    }
  }
  return [...new Set(names)] as QueueName[];
}

/**
 * One pool thread per worker process, loading only the script tasks' code,
 * bounds its memory; more workers give more threads. Script jobs write and
 * ear-check in that thread, so a worker serving them loads it while the app is
 * wired and keeps it, instead of loading its modules (over a second under tsx)
 * inside the first script job after every idle pause. Resolves once the thread
 * has loaded.
 */
export function prepareWorkerPool(queues: readonly QueueName[]): Promise<void> {
  limitOffThreadPool(1, { scriptTasksOnly: true });
  return queues.includes(QueueNames.script) ? keepOffThreadPoolWarm() : Promise.resolve();
}

/**
 * Code and answers the chosen queues' jobs need, loaded before the worker takes
 * any: the feed builder (feedsmith, loaded on first use elsewhere) and
 * fluent-ffmpeg's capability questions (two ffmpeg runs). Otherwise every
 * worker process pays for them inside its first jobs.
 */
export async function preloadForQueues(app: App, queues: readonly QueueName[]): Promise<void> {
  const loads: Array<Promise<unknown>> = [];
  // Draft scripts publish the feed too (as text items).
  if (queues.includes(QueueNames.publish) || queues.includes(QueueNames.script)) loads.push(loadFeedBuilder());
  // Stitching renders the pause pieces.
  if (queues.includes(QueueNames.synthesise) || queues.includes(QueueNames.stitch)) loads.push(app.ctx.ffmpeg.prepare());
  await Promise.all(loads);
}

/**
 * A worker process: serves the chosen queues until SIGTERM or SIGINT, then
 * stops taking jobs and gives running ones the configured grace period. A
 * second signal stops at once (jobs are handed back or picked up as stalled).
 */
export async function runWorkerProcess(config: AppConfig, options: WorkerProcessOptions = {}): Promise<void> {
  const queues = parseQueueNames(options.queues);
  const warming = prepareWorkerPool(queues);
  const distributed = createDistributedApp(config);
  const { app } = distributed;
  await options.prepare?.(app);
  await Promise.all([warming, preloadForQueues(app, queues)]);
  const runtime = await startWorkers({
    deps: { ctx: app.ctx, queues: distributed.queues, progress: distributed.progress, config: config.distributed },
    handlers: jobHandlers,
    queues,
    concurrency: (queue) => options.concurrency ?? defaultConcurrency(queue, config.concurrency),
    connect: distributed.connect,
    logger: app.logger.child({ pid: process.pid }),
  });

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        app.logger.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      stopping = true;
      app.logger.info({ signal, graceMs: config.distributed.shutdownGraceMs }, 'shutting down: no new jobs');
      void runtime
        .close(config.distributed.shutdownGraceMs)
        .then(() => distributed.close())
        .catch((error: unknown) => app.logger.error({ err: error }, 'shutdown error'))
        .finally(resolve);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
