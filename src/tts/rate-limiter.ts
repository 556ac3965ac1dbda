import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Limits how often requests start, per key (a provider name). The in-process
 * bucket below serves one process; in distributed mode every worker must share
 * one budget, so the queue layer supplies an implementation backed by Redis
 * (the same GCRA arithmetic in a Lua script over one key holding the next free
 * slot), and the synthesis layer never knows which one it has.
 */
export interface RateLimiter {
  /**
   * Resolves when one more request for `key` may start, such that no more than
   * `requestsPerSecond` start in any one-second window. Rejects if `signal` aborts.
   */
  acquire(key: string, requestsPerSecond: number, signal?: AbortSignal): Promise<void>;
}

export interface TokenBucketOptions {
  /** Clock in milliseconds, injectable for tests. */
  now?: () => number;
}

/**
 * A token bucket holding a single token (GCRA with no burst): starts are spaced
 * 1/rate apart. A larger bucket would let a full bucket plus a full refill land
 * in the same second, i.e. twice the vendor's limit.
 */
export function createTokenBucketLimiter(options: TokenBucketOptions = {}): RateLimiter {
  const now = options.now ?? (() => performance.now());
  const nextFree = new Map<string, number>();
  return {
    async acquire(key, requestsPerSecond, signal) {
      if (!(requestsPerSecond > 0) || !Number.isFinite(requestsPerSecond)) return;
      signal?.throwIfAborted();
      const interval = 1000 / requestsPerSecond;
      const current = now();
      // Reserving the slot before waiting keeps concurrent callers in order without a queue.
      const start = Math.max(current, nextFree.get(key) ?? current);
      nextFree.set(key, start + interval);
      const wait = start - current;
      if (wait > 0) await sleep(Math.ceil(wait), undefined, { signal });
    },
  };
}
