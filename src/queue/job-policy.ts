import type { JobsOptions } from 'bullmq';
import type { DistributedConfig } from '../config/env.js';

const DAY_SECONDS = 24 * 3600;

/**
 * Options every Briefcast job gets: retries with our backoff strategy, and
 * finished jobs kept for a day (so a resubmitted episode still finds them and
 * does nothing) before Redis reclaims the memory.
 */
export function jobOptions(config: DistributedConfig): JobsOptions {
  return {
    attempts: config.attempts,
    backoff: { type: 'jitter', delay: config.backoffMs },
    removeOnComplete: { age: DAY_SECONDS },
    removeOnFail: { age: 7 * DAY_SECONDS },
  };
}

/** A child job: when it fails for good, its parents fail too instead of waiting forever. */
export function childJobOptions(config: DistributedConfig): JobsOptions {
  return { ...jobOptions(config), failParentOnFailure: true };
}

/**
 * Exponential backoff with "equal jitter": half the step fixed, half random, so
 * jobs that failed together (a provider outage) do not all come back at once.
 * A server's Retry-After, when longer, wins.
 */
export function backoffDelay(attemptsMade: number, baseMs: number, retryAfterSeconds?: number, random: () => number = Math.random): number {
  const step = Math.min(baseMs * 2 ** Math.max(0, attemptsMade - 1), 10 * 60_000);
  const delay = Math.round(step / 2 + random() * (step / 2));
  return Math.max(delay, Math.ceil((retryAfterSeconds ?? 0) * 1000));
}
