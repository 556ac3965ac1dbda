import { join, resolve } from 'node:path';
import type { AppConfig } from './config/env.js';
import { createLogger, type Logger } from './core/logger.js';
import { findFfmpeg } from './audio/ffmpeg-binaries.js';
import { FfmpegTools } from './audio/ffmpeg.js';
import { podcastEncoding } from './audio/encode-settings.js';
import { createStorages } from './storage/create-storage.js';
import { ProviderRegistry, type ProviderFactory } from './tts/provider-registry.js';
import { createEspeakProvider } from './tts/providers/espeak.js';
import { createExtractiveWriter } from './script/extractive-writer.js';
import { createLlmWriter } from './script/llm-writer.js';
import { WriterRegistry } from './script/writer-registry.js';
import type { PipelineContext } from './pipeline/context.js';
import { createInProcessLock, type KeyedLock } from './core/keyed-lock.js';
import { KeyStore } from './auth/key-store.js';
import type { DistributedApp } from './queue/distributed-app.js';
import { EmbeddedRunner } from './pipeline/runner-embedded.js';
import { DistributedRunner } from './pipeline/runner-distributed.js';
import type { EpisodeRunner } from './pipeline/episode-runner.js';
import { EpisodeStore } from './pipeline/episode-store.js';
import { runScheduledBriefing } from './schedule/scheduled-briefing.js';
import { EmbeddedScheduler } from './schedule/embedded-scheduler.js';
import { DistributedScheduler } from './schedule/distributed-scheduler.js';
import type { ShowScheduler } from './schedule/show-scheduler.js';
import { InProcessWebhooks, type WebhookDispatcher } from './webhooks/webhook-dispatcher.js';
import { QueuedWebhooks } from './webhooks/webhook-queue.js';
import type { ApiServices } from './server/api-services.js';

/**
 * The composition root: the one place that turns validated configuration into
 * adapters (storage, TTS providers, ffmpeg, writers) and hands them to stages.
 */
export interface App {
  config: AppConfig;
  ctx: PipelineContext;
  logger: Logger;
  close(): Promise<void>;
}

export interface AppOverrides {
  logger?: Logger;
  /** Extra or replacement TTS providers (tests wrap providers to count calls). */
  providers?: ProviderRegistry;
  now?: () => Date;
  /** A lock shared across processes (the Redis lock of the distributed mode) instead of the in-process one. */
  lock?: KeyedLock;
}

/** Registers every built-in provider; a vendor's SDK is imported only when a show first asks for that provider. */
export function registerDefaultProviders(registry: ProviderRegistry, config: AppConfig): ProviderRegistry {
  const { openai, elevenlabs, polly } = config.tts;
  const defaults: Record<string, ProviderFactory> = {
    espeak: () => createEspeakProvider({ engine: config.espeakEngine, threads: config.concurrency }),
    flite: async () => (await import('./tts/providers/flite.js')).createFliteProvider(),
    festival: async () => (await import('./tts/providers/festival.js')).createFestivalProvider({ runner: { limit: config.concurrency } }),
    openai: async () => (await import('./tts/providers/openai.js')).createOpenAiProvider(openai),
    elevenlabs: async () => (await import('./tts/providers/elevenlabs.js')).createElevenLabsProvider(elevenlabs),
    polly: async () => (await import('./tts/providers/polly.js')).createPollyProvider(polly),
  };
  for (const [name, factory] of Object.entries(defaults)) if (!registry.has(name)) registry.register(name, factory);
  // Configured limits win over the ones providers declare; in distributed mode the limiter itself is shared.
  registry.setRateLimits(config.distributed.ttsRateLimits);
  return registry;
}

/** The offline extractive writer always; the LLM writer when an endpoint is configured (its client loads on first use). */
export function createWriters(config: AppConfig): WriterRegistry {
  const registry = new WriterRegistry().register('extractive', () => createExtractiveWriter());
  const llm = config.llm;
  if (llm) {
    registry.register('llm', (style) => createLlmWriter({ baseURL: llm.baseUrl, apiKey: llm.apiKey, model: llm.model, timeoutMs: llm.timeoutMs, systemPrompt: style.systemPrompt, style: { hosts: style.hosts, tone: style.tone } }));
  }
  return registry;
}

export function createApp(config: AppConfig, overrides: AppOverrides = {}): App {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel });
  const binaries = findFfmpeg({ ffmpegPath: config.ffmpegPath, ffprobePath: config.ffprobePath });
  const providers = registerDefaultProviders(overrides.providers ?? new ProviderRegistry(), config);
  const writers = createWriters(config);
  const dataDir = resolve(config.dataDir);
  const { work, publish } = createStorages(config, dataDir);
  const ctx: PipelineContext = {
    work,
    publish,
    providers,
    writers,
    ffmpeg: new FfmpegTools(binaries),
    encoding: podcastEncoding,
    scratchDir: join(dataDir, 'tmp'),
    concurrency: config.concurrency,
    logger,
    lock: overrides.lock ?? createInProcessLock(),
    now: overrides.now ?? (() => new Date()),
  };
  logger.debug({ ffmpeg: binaries.origin }, 'app ready');
  return { config, ctx, logger, close: () => providers.closeAll() };
}

/** What `briefcast serve` runs beside the app: the API's services, webhooks and schedules. */
export interface ProducerServices {
  api: ApiServices;
  runner: EpisodeRunner;
  webhooks: WebhookDispatcher;
  scheduler?: ShowScheduler;
  close(): Promise<void>;
}

/**
 * Wires the producer side. Embedded: episodes, webhooks and schedules run in
 * this process. Distributed (pass the DistributedApp): episodes become flows,
 * webhooks a queue, and schedules BullMQ job schedulers shared by all processes.
 */
export async function createProducerServices(app: App, distributed?: DistributedApp): Promise<ProducerServices> {
  const { config, ctx } = app;
  const ingest = { allowPrivateNetwork: config.ingest.allowPrivateNetwork, fetchTimeoutMs: config.ingest.fetchTimeoutMs, maxBytes: config.ingest.maxBytes };
  const webhookSettings = { ...config.api.webhook, allowPrivateNetwork: config.ingest.allowPrivateNetwork };
  const prefix = config.distributed.queuePrefix;
  let runner: EpisodeRunner;
  let webhooks: WebhookDispatcher;
  if (distributed) {
    const queued = new DistributedRunner(ctx, distributed.episodes, distributed.queues);
    await queued.start();
    runner = queued;
    webhooks = new QueuedWebhooks(ctx, webhookSettings, distributed.connect('webhooks'), prefix);
  } else {
    runner = new EmbeddedRunner(ctx, { concurrency: config.api.episodeConcurrency });
    webhooks = new InProcessWebhooks(ctx, webhookSettings);
  }
  runner.onEvent((event) => webhooks.dispatch(event));
  let scheduler: ShowScheduler | undefined;
  if (config.api.schedules) {
    const tick = (showId: string, at: Date) => runScheduledBriefing({ ctx, runner, ingest }, showId, at);
    scheduler = distributed ? new DistributedScheduler(tick, distributed.connect('briefings'), prefix, app.logger) : new EmbeddedScheduler(tick, app.logger);
    const store = new EpisodeStore(ctx.work);
    const ids = (await ctx.work.list('shows/')).map((key) => /^shows\/([^/]+)\/show\.json$/.exec(key)?.[1]).filter((id): id is string => Boolean(id));
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
    ...(distributed ? { dashboardQueues: Object.values(distributed.queues.queues) } : {}),
  };
  return {
    api,
    runner,
    webhooks,
    ...(scheduler ? { scheduler } : {}),
    async close() {
      await scheduler?.close();
      await runner.close();
      await webhooks.close();
    },
  };
}

