import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { RateLimiter } from '../tts/rate-limiter.js';
import { briefcastKey } from './redis-connection.js';

/*
 * GCRA with no burst, the same arithmetic as the in-process token bucket: the
 * key holds the next free start time. Each call reserves the next slot and
 * returns how long to wait for it, so callers on every worker queue up in order
 * without polling. Redis's clock is the one clock all workers share.
 */
const RESERVE = `
local now = redis.call('TIME')
local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local interval = tonumber(ARGV[1])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(nowMs, nextFree)
redis.call('SET', KEYS[1], start + interval, 'PX', math.ceil(start + interval - nowMs) + 1000)
return math.ceil(start - nowMs)
`;

export interface RedisRateLimiterOptions {
  redis: Redis;
  prefix: string;
}

/** The distributed RateLimiter: one budget per provider shared by every worker on the same Redis and prefix. */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  return {
    async acquire(key, requestsPerSecond, signal) {
      if (!(requestsPerSecond > 0) || !Number.isFinite(requestsPerSecond)) return;
      signal?.throwIfAborted();
      const interval = 1000 / requestsPerSecond;
      const wait = Number(await options.redis.eval(RESERVE, 1, briefcastKey(options.prefix, 'rate', key), interval));
      if (wait > 0) await sleep(wait, undefined, { signal });
    },
  };
}
