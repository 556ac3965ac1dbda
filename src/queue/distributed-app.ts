import type { Redis } from 'ioredis';
import { createApp, type App, type AppOverrides } from '../app.js';
import type { AppConfig } from '../config/env.js';
import { createLogger } from '../core/logger.js';
import { defaultRetryPolicy } from '../tts/retry-policy.js';
import { EpisodeRunner } from '../pipeline/episode-runner.js';
import { BullmqExecutor } from './bullmq-executor.js';
import { ProgressTracker } from './progress-tracker.js';
import { QueueSet } from './queue-set.js';
import { createRedisConnection } from './redis-connection.js';
import { createRedisLock } from './redis-lock.js';
import { createRedisRateLimiter } from './redis-rate-limiter.js';

export interface DistributedApp {
  app: App;
  queues: QueueSet;
  progress: ProgressTracker;
  /** The episode runner over the BullMQ executor; `start()` it to hear finished builds. */
  episodes: EpisodeRunner;
  /** Opens another connection to the same Redis (workers need one each); closed with the app. */
  connect(name: string): Redis;
  close(): Promise<void>;
}

/**
 * The composition root of the distributed mode: the ordinary app, but with the
 * locks and the TTS rate limits in Redis so every process on every machine
 * shares them, and producers for the queues.
 */
export function createDistributedApp(config: AppConfig, overrides: AppOverrides = {}): DistributedApp {
  const { redisUrl, queuePrefix: prefix } = config.distributed;
  const connections: Redis[] = [];
  const connect = (name: string) => {
    const connection = createRedisConnection(redisUrl, name);
    connections.push(connection);
    return connection;
  };
  const redis = connect('main');
  const logger = overrides.logger ?? createLogger({ level: config.logLevel });
  const synthesis = {
    rateLimiter: createRedisRateLimiter({ redis, prefix }),
    // One quick retry in the worker; longer outages and long Retry-After waits go back to the queue, which survives restarts.
    retry: { ...defaultRetryPolicy, maxRetries: 1, maxRetryAfterMs: 5_000 },
  };
  const app = createApp(config, { ...overrides, logger, synthesis, piecesFromQueue: true, lock: overrides.lock ?? createRedisLock({ redis, prefix, logger }) });
  const queues = new QueueSet(redis, prefix);
  const progress = new ProgressTracker(redis, prefix);
  const episodes = new EpisodeRunner(app.ctx, new BullmqExecutor(queues, progress, config.distributed));
  return {
    app,
    queues,
    progress,
    episodes,
    connect,
    async close() {
      await episodes.close();
      await queues.close();
      await app.close();
      await Promise.all(connections.map((connection) => connection.quit().catch(() => connection.disconnect())));
    },
  };
}
