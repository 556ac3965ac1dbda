import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { briefcastKey } from '../../src/queue/redis-connection.js';
import { createRedisLock } from '../../src/queue/redis-lock.js';
import { createRedisRateLimiter } from '../../src/queue/redis-rate-limiter.js';
import { redisConnections } from './support/redis-connections.js';

const prefix = `bctest-lock-${Date.now().toString(36)}`;
const { connect, close } = redisConnections(prefix);

afterAll(close);

describe('Redis KeyedLock', () => {
  it('lets one holder at a time run, across separate connections (as separate processes would)', async () => {
    const locks = Array.from({ length: 5 }, () => createRedisLock({ redis: connect(), prefix, ttlMs: 2000 }));
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        locks[i % locks.length]!('feed:show-a', async () => {
          inside += 1;
          most = Math.max(most, inside);
          await sleep(5);
          order.push(i);
          inside -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order).toHaveLength(20);
  });

  it('does not serialise different names against each other', async () => {
    const lock = createRedisLock({ redis: connect(), prefix });
    let release!: () => void;
    const held = lock('feed:one', () => new Promise<void>((resolve) => (release = resolve)));
    await sleep(20);
    await expect(lock('feed:two', async () => 'other')).resolves.toBe('other');
    release();
    await held;
  });

  it('keeps the lock past its TTL while the work runs (renewal)', async () => {
    const redis = connect();
    const lock = createRedisLock({ redis, prefix, ttlMs: 300 });
    let runs = 0;
    await lock('slow', async () => {
      runs += 1;
      await sleep(1000);
      expect(await redis.exists(briefcastKey(prefix, 'lock', 'slow'))).toBe(1);
    });
    expect(runs).toBe(1);
  });

  it('runs the work again under a fresh lock when it lost the lock meanwhile', async () => {
    const redis = connect();
    const other = connect();
    const lock = createRedisLock({ redis, prefix, ttlMs: 5000 });
    let runs = 0;
    const result = await lock('lost', async () => {
      runs += 1;
      // Another process takes over after our lock vanished (an expiry while we were paused).
      if (runs === 1) await other.set(briefcastKey(prefix, 'lock', 'lost'), 'someone-else', 'PX', 200);
      return runs;
    });
    expect(runs).toBe(2);
    expect(result).toBe(2);
  });

  it('releases after a failure so the next caller gets in', async () => {
    const lock = createRedisLock({ redis: connect(), prefix });
    await expect(lock('fails', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(lock('fails', async () => 'next')).resolves.toBe('next');
  });
});

describe('Redis rate limiter', () => {
  it('spaces starts 1/rate apart across limiters sharing Redis (a lower bound, not a timing threshold)', async () => {
    const limiters = [createRedisRateLimiter({ redis: connect(), prefix }), createRedisRateLimiter({ redis: connect(), prefix })];
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, (_, i) => limiters[i % 2]!.acquire('vendor-x', 10)));
    // Six starts at 10 per second cannot all happen within less than five intervals.
    expect(Date.now() - started).toBeGreaterThanOrEqual(480);
  });

  it('does not limit a provider without a rate', async () => {
    const limiter = createRedisRateLimiter({ redis: connect(), prefix });
    await limiter.acquire('free', 0);
    expect(await connect().exists(briefcastKey(prefix, 'rate', 'free'))).toBe(0);
  });
});
