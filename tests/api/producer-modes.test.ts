import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { createProducer, type Producer } from '../../src/producer.js';
import { briefcastKey } from '../../src/queue/redis-connection.js';

/** src/producer.ts is the one place that picks the mode `briefcast serve` runs in. */
describe('producer composition', () => {
  let root: string | undefined;
  let producer: Producer | undefined;
  afterEach(async () => {
    await producer?.close();
    producer = undefined;
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function configFor(env: Record<string, string>) {
    root = await mkdtemp(join(tmpdir(), 'briefcast-producer-'));
    return loadConfig({
      BRIEFCAST_DATA_DIR: join(root, 'data'),
      BRIEFCAST_PUBLISH_DIR: join(root, 'published'),
      BRIEFCAST_SCHEDULES: 'false',
      BRIEFCAST_TTS_RATE_LIMITS: 'polly=5',
      LOG_LEVEL: 'silent',
      ...env,
    });
  }

  it('runs episodes in process by default, with the configured TTS rate limits', async () => {
    producer = await createProducer(await configFor({}));
    expect(producer.services.runner.mode).toBe('embedded');
    expect(producer.services.api.dashboardQueues).toBeUndefined();
    expect(producer.app.ctx.providers.synthesis.rateLimits).toEqual({ polly: 5 });
  });

  it('with BRIEFCAST_RUNNER=distributed, enqueues flows and shares the rate limiter through Redis', async () => {
    const prefix = `bc-producer-${process.pid}-${Date.now()}`;
    producer = await createProducer(await configFor({ BRIEFCAST_RUNNER: 'distributed', BRIEFCAST_QUEUE_PREFIX: prefix }));
    expect(producer.services.runner.mode).toBe('distributed');
    expect(producer.services.api.dashboardQueues?.length).toBeGreaterThan(0);
    const { synthesis } = producer.app.ctx.providers;
    expect(synthesis.rateLimits).toEqual({ polly: 5 });
    // The limiter the providers use is the Redis one: a reservation lands under the prefix.
    await synthesis.rateLimiter.acquire('polly', 5);
    const redis = new Redis(producer.app.config.distributed.redisUrl);
    try {
      const key = briefcastKey(prefix, 'rate', 'polly');
      expect(await redis.exists(key)).toBe(1);
      await redis.del(key);
    } finally {
      redis.disconnect();
    }
  });
});
