import type { Job } from 'bullmq';
import type { Logger } from '../core/logger.js';
import type { PipelineContext } from '../pipeline/context.js';
import { JobName, jobQueue, type JobPayloads, type JobResults, type QueueName } from './job-types.js';
import type { ProgressTracker } from './progress-tracker.js';
import type { QueueSet } from './queue-set.js';
import type { DistributedConfig } from '../config/env.js';

/** What every handler may use: the same pipeline context as the embedded runner, plus the queues. */
export interface HandlerDeps {
  ctx: PipelineContext;
  queues: QueueSet;
  progress: ProgressTracker;
  config: DistributedConfig;
}

export interface JobRun {
  /** Logger bound to the episode and the job. */
  log: Logger;
}

/** The whole worker contract for one job name: typed data in, typed result out. */
export type JobHandler<N extends JobName> = (job: Job<JobPayloads[N], JobResults[N], N>, deps: HandlerDeps, run: JobRun) => Promise<JobResults[N]>;

export type HandlerMap = { [N in JobName]: JobHandler<N> };

/**
 * Checked when a worker starts, so a missing handler fails at once rather than
 * when the first such job arrives: every job name has exactly one function, and
 * every queue served has at least one job name.
 */
export function validateHandlers(handlers: Partial<Record<string, unknown>>, servedQueues: readonly QueueName[]): HandlerMap {
  const names = Object.values(JobName) as string[];
  const missing = names.filter((name) => typeof handlers[name] !== 'function');
  const unknown = Object.keys(handlers).filter((name) => !names.includes(name));
  if (missing.length || unknown.length) {
    throw new Error(`job handler map invalid: missing [${missing.join(', ')}], unknown [${unknown.join(', ')}]`);
  }
  for (const queue of servedQueues) {
    if (!Object.values(jobQueue).includes(queue)) throw new Error(`no job runs on queue "${queue}"`);
  }
  return handlers as HandlerMap;
}
