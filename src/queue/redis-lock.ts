import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { KeyedLock } from '../core/keyed-lock.js';
import type { Logger } from '../core/logger.js';
import { briefcastKey } from './redis-connection.js';

export interface RedisLockOptions {
  redis: Redis;
  prefix: string;
  /** Lock lifetime; renewed every third of it while the work runs. @defaultValue 15000 */
  ttlMs?: number;
  /** Give up (retryable) after waiting this long for the lock. @defaultValue 120000 */
  acquireTimeoutMs?: number;
  /** Times the work is redone when the lock turned out to be lost while it ran. @defaultValue 3 */
  maxReruns?: number;
  logger?: Logger;
}

// Take the lock and hand out the next fencing number in one step.
const ACQUIRE = `if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return redis.call('INCR', KEYS[2]) end return 0`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * A KeyedLock shared by every process on one Redis: a token with a TTL,
 * renewed while the work runs, released only by its holder.
 *
 * A TTL lock alone is not enough: a holder paused past the TTL (GC, a stalled
 * VM) can write after the next holder did. Object storage cannot check a
 * fencing token, so instead a holder that finds at release (or at a renewal)
 * that it lost the lock runs the work again under a fresh lock. The work must
 * therefore be idempotent, as rebuilding a feed from the episode records is:
 * every write made without the lock is followed by a write made with it, so
 * the last write always saw every record published before it.
 */
export function createRedisLock(options: RedisLockOptions): KeyedLock {
  const ttl = options.ttlMs ?? 15_000;
  const acquireTimeout = options.acquireTimeoutMs ?? 120_000;
  const maxReruns = options.maxReruns ?? 3;
  const { redis } = options;

  const acquire = async (key: string, fenceKey: string): Promise<{ token: string; fence: number }> => {
    const token = randomBytes(12).toString('hex');
    const deadline = Date.now() + acquireTimeout;
    for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
      const fence = Number(await redis.eval(ACQUIRE, 2, key, fenceKey, token, ttl));
      if (fence > 0) return { token, fence };
      if (Date.now() > deadline) {
        throw new BriefcastError(ErrorCodes.STORAGE_CONFLICT, 'timed out waiting for a lock', { subject: key, retryable: true });
      }
      // Jitter so waiters do not retry in lockstep.
      await sleep(wait / 2 + Math.random() * wait);
    }
  };

  return async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const key = briefcastKey(options.prefix, 'lock', name);
    const fenceKey = briefcastKey(options.prefix, 'fence', name);
    for (let run = 0; ; run++) {
      const { token, fence } = await acquire(key, fenceKey);
      let lost = false;
      const renewal = setInterval(() => {
        redis.eval(RENEW, 1, key, token, ttl).then(
          (renewed) => {
            if (Number(renewed) !== 1) lost = true;
          },
          () => undefined,
        );
      }, Math.max(50, Math.floor(ttl / 3)));
      let result: T;
      try {
        result = await work();
      } finally {
        clearInterval(renewal);
        const released = Number(await redis.eval(RELEASE, 1, key, token).catch(() => 0));
        if (released !== 1) lost = true;
      }
      if (!lost) return result;
      options.logger?.warn({ lock: name, fence, run }, 'lock expired while its work ran; running the work again under a new lock');
      if (run + 1 >= maxReruns) {
        throw new BriefcastError(ErrorCodes.STORAGE_CONFLICT, `lost the lock ${maxReruns} times in a row`, { subject: name, retryable: true });
      }
    }
  };
}
