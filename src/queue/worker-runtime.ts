import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { isBriefcastError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { validateHandlers, type HandlerDeps, type HandlerMap } from './handler-map.js';
import { failureOf, rateLimitDelayMs, toJobError } from './job-errors.js';
import { backoffDelay } from './job-policy.js';
import { isJobName, type EpisodeRef, type QueueName } from './job-types.js';
import { recordFailure } from './record-failure.js';

export interface WorkerRuntimeOptions {
  deps: HandlerDeps;
  handlers: HandlerMap;
  /** Queues this process serves. */
  queues: readonly QueueName[];
  /** Jobs run at once, per queue. */
  concurrency: (queue: QueueName) => number;
  /** A fresh connection per Worker: each blocks on its own. */
  connect: (name: string) => Redis;
  logger: Logger;
}

export interface WorkerRuntime {
  workers: Worker[];
  /** Stops taking jobs, lets running ones finish for up to `graceMs`, then hands the rest back to the queue. */
  close(graceMs: number): Promise<{ handedBack: number }>;
}

/**
 * Starts one BullMQ Worker per served queue. The processors run in this
 * process: synthesis runs in child processes or worker threads and ffmpeg in
 * child processes, so the event loop stays free to renew job locks.
 */
export async function startWorkers(options: WorkerRuntimeOptions): Promise<WorkerRuntime> {
  const { deps, logger } = options;
  const handlers = validateHandlers(options.handlers, options.queues);
  const config = deps.config;
  const active = new Map<string, { job: Job; token: string }>();

  const workers = options.queues.map((queue) => {
    const worker: Worker = new Worker(
      queue,
      async (job: Job, token?: string) => {
        if (!isJobName(job.name)) throw new UnrecoverableError(`INTERNAL: no handler for job "${job.name}"`);
        const data = job.data as EpisodeRef;
        const log = logger.child({ queue, job: job.name, jobId: job.id, showId: data.showId, episodeId: data.episodeId, attempt: job.attemptsMade + 1 });
        const slot = `${queue}:${job.id}`;
        if (token) active.set(slot, { job, token });
        try {
          const handler = handlers[job.name] as (job: Job, deps: HandlerDeps, run: { log: Logger }) => Promise<unknown>;
          return await handler(job, deps, { log });
        } catch (error) {
          const waitMs = rateLimitDelayMs(error);
          if (waitMs !== undefined) {
            // The provider said when to come back: pause this queue for every worker, and put the job back without using an attempt.
            log.warn({ waitMs }, 'provider rate limit; pausing the queue');
            await worker.rateLimit(waitMs);
            throw Worker.RateLimitError();
          }
          log.warn({ err: error, retryable: isBriefcastError(error) ? error.retryable : true }, 'job attempt failed');
          throw toJobError(error);
        } finally {
          active.delete(slot);
        }
      },
      {
        // Stored on each job as processedBy: which process on which machine ran it.
        name: `${hostname()}:${process.pid}`,
        connection: options.connect(`worker:${queue}`),
        prefix: config.queuePrefix,
        concurrency: options.concurrency(queue),
        lockDuration: config.lockDurationMs,
        stalledInterval: config.stalledIntervalMs,
        maxStalledCount: config.maxStalledCount,
        settings: {
          backoffStrategy: (attemptsMade: number, _type?: string, err?: Error) =>
            backoffDelay(attemptsMade, config.backoffMs, isBriefcastError(err) ? err.retryAfterSeconds : undefined),
        },
      },
    );
    worker.on('failed', (job, err) => {
      if (!job) return;
      // Record the reason once the job has failed for good (not on attempts that will be retried).
      void job
        .getState()
        .then(async (state) => {
          if (state !== 'failed') return;
          const failure = failureOf(err);
          logger.error({ queue, jobId: job.id, code: failure.code, reason: failure.toLine() }, 'job failed for good; episode failed');
          await recordFailure(deps.ctx, job.data as EpisodeRef, failure, /^child .+ failed$/.test(err.message), { logger });
        })
        .catch((error: unknown) => logger.error({ err: error, jobId: job.id }, 'could not record the failure'));
    });
    worker.on('error', (error) => logger.error({ err: error, queue }, 'worker error'));
    worker.on('stalled', (jobId) => logger.warn({ queue, jobId }, 'stalled job moved back to wait'));
    return worker;
  });
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  logger.info({ queues: options.queues, prefix: config.queuePrefix }, 'workers ready');

  return {
    workers,
    async close(graceMs) {
      const closing = Promise.all(workers.map((worker) => worker.close()));
      // The grace timer is cancelled as soon as the jobs are done: a pending timer would keep the process alive for all of it.
      const grace = new AbortController();
      const timedOut = await Promise.race([
        closing.then(() => false),
        sleep(graceMs, true, { signal: grace.signal }).catch(() => false),
      ]).finally(() => grace.abort());
      if (!timedOut) return { handedBack: 0 };
      // Out of time: put running jobs back in the queue now instead of leaving them to expire as stalled.
      const running = [...active.values()];
      await Promise.all(running.map(({ job, token }) => job.moveToWait(token).catch(() => undefined)));
      logger.warn({ handedBack: running.length }, 'shutdown grace over; running jobs handed back');
      await Promise.all(workers.map((worker) => worker.close(true)));
      return { handedBack: running.length };
    },
  };
}
