import type { AppConfig } from '../config/env.js';
import type { KeyStore } from '../auth/key-store.js';
import type { IngestOptions } from '../ingest/index.js';
import type { PipelineContext } from '../pipeline/context.js';
import type { EpisodeRunner } from '../pipeline/episode-runner.js';
import type { ShowScheduler } from '../schedule/show-scheduler.js';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/** What the API plugins are given by the composition root; the plugins build nothing themselves. */
export interface ApiServices {
  ctx: PipelineContext;
  config: AppConfig;
  runner: EpisodeRunner;
  keys: KeyStore;
  scheduler?: ShowScheduler;
  /** Queues shown on the operators' dashboard (distributed mode). */
  dashboardQueues?: Queue[];
  /** Where per-key rate limits are counted: Redis in distributed mode, so every API process shares one count; this process otherwise. */
  rateLimit?: { redis: Redis; nameSpace: string };
  /** Limits and address policy for every URL the API fetches. */
  ingest: Partial<IngestOptions>;
}
