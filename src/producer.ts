import { createApp, type App } from './app.js';
import { KeyStore } from './auth/key-store.js';
import type { AppConfig } from './config/env.js';
import { EmbeddedExecutor } from './pipeline/embedded-executor.js';
import { EpisodeRunner } from './pipeline/episode-runner.js';
import { EpisodeStore } from './pipeline/episode-store.js';
import { listenerBuilds, type ListenerBuilds } from './listener-builds.js';
import { createDistributedApp, type DistributedApp } from './queue/distributed-app.js';
import { DistributedScheduler } from './schedule/distributed-scheduler.js';
import { EmbeddedScheduler } from './schedule/embedded-scheduler.js';
import { runScheduledBriefing } from './schedule/scheduled-briefing.js';
import type { ShowScheduler } from './schedule/show-scheduler.js';
import type { ApiServices } from './server/api-services.js';
import { workKeys } from './storage/keys.js';
import { InProcessWebhooks, type WebhookDispatcher } from './webhooks/webhook-dispatcher.js';
import { QueuedWebhooks } from './webhooks/webhook-queue.js';

/**
 * The producer's composition root (what `briefcast serve` runs): the one place
 * that chooses between the embedded and the distributed mode and wires the
 * API's runner, webhooks and schedules for it.
 */
export interface Producer {
  app: App;
  services: ProducerServices;
  close(): Promise<void>;
}

/** Embedded by default; with BRIEFCAST_RUNNER=distributed, episodes, webhooks and schedules go through Redis. */
export async function createProducer(config: AppConfig): Promise<Producer> {
  if (config.api.runner === 'distributed') {
    const distributed = createDistributedApp(config);
    const services = await createProducerServices(distributed.app, distributed);
    const close = async () => {
      await services.close();
      await distributed.close();
    };
    return { app: distributed.app, services, close };
  }
  const app = createApp(config);
  const services = await createProducerServices(app);
  const close = async () => {
    await services.close();
    await app.close();
  };
  return { app, services, close };
}

/** What `briefcast serve` runs beside the app: the API's services, webhooks and schedules. */
export interface ProducerServices {
  api: ApiServices;
  runner: EpisodeRunner;
  webhooks: WebhookDispatcher;
  scheduler?: ShowScheduler;
  listenerBuilds: ListenerBuilds;
  close(): Promise<void>;
}

/**
 * Wires the producer side. Embedded: episodes, webhooks and schedules run in
 * this process. Distributed (pass the DistributedApp): episodes become flows,
 * webhooks a queue, and schedules BullMQ job schedulers shared by all processes.
 */
export async function createProducerServices(app: App, distributed?: DistributedApp): Promise<ProducerServices> {
  const { config, ctx } = app;
  const ingest = { ...config.ingest };
  const webhookSettings = { ...config.api.webhook, allowPrivateNetwork: config.ingest.allowPrivateNetwork };
  const prefix = config.distributed.queuePrefix;
  let runner: EpisodeRunner;
  let webhooks: WebhookDispatcher;
  if (distributed) {
    runner = await distributed.episodes.start();
    webhooks = new QueuedWebhooks(ctx, webhookSettings, distributed.connect('webhooks'), prefix);
  } else {
    runner = await new EpisodeRunner(ctx, new EmbeddedExecutor(ctx, { concurrency: config.api.episodeConcurrency })).start();
    webhooks = new InProcessWebhooks(ctx, webhookSettings);
  }
  runner.onEvent((event) => webhooks.dispatch(event));
  // The day's listener episodes follow the show's publication (docs/listeners.md).
  const builds = listenerBuilds(app, distributed);
  runner.onEvent((event) => builds.onEvent(event));
  let scheduler: ShowScheduler | undefined;
  if (config.api.schedules) {
    const tick = (showId: string, at: Date) => runScheduledBriefing({ ctx, runner, ingest }, showId, at);
    scheduler = distributed ? new DistributedScheduler(tick, distributed.connect('briefings'), prefix, app.logger) : new EmbeddedScheduler(tick, app.logger);
    const store = new EpisodeStore(ctx.work);
    const ids = (await ctx.work.list(workKeys.showsPrefix)).map(workKeys.showIdOf).filter((id): id is string => Boolean(id));
    for (const id of ids) {
      const show = await store.getShow(id).catch(() => null);
      if (show?.schedule) await scheduler.sync(show);
    }
  }
  const api: ApiServices = {
    ctx,
    config,
    runner,
    keys: new KeyStore(config.api.keysFile),
    ingest,
    ...(scheduler ? { scheduler } : {}),
    ...(distributed
      ? { dashboardQueues: Object.values(distributed.queues.queues), rateLimit: { redis: distributed.connect('rate-limit'), nameSpace: `${prefix}:rate-limit:` } }
      : {}),
  };
  return {
    api,
    runner,
    webhooks,
    listenerBuilds: builds,
    ...(scheduler ? { scheduler } : {}),
    async close() {
      await scheduler?.close();
      await runner.close();
      await builds.idle();
      await webhooks.close();
    },
  };
}

