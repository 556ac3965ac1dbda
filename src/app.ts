import { join, resolve } from 'node:path';
import type { AppConfig } from './config/env.js';
import { createLogger, type Logger } from './core/logger.js';
import { findFfmpeg } from './audio/ffmpeg-binaries.js';
import { FfmpegTools } from './audio/ffmpeg.js';
import { PieceMasterer } from './audio/piece-masterer.js';
import { Semaphore } from './core/semaphore.js';
import { podcastEncoding } from './audio/encode-settings.js';
import { createStorages } from './storage/create-storage.js';
import { ProviderRegistry, type ProviderFactory } from './tts/provider-registry.js';
import { createEspeakProvider } from './tts/providers/espeak.js';
import type { SynthesisServices } from './tts/synthesize-text.js';
import { createOffThreadExtractiveWriter } from './script/off-thread-writer.js';
import { createOpenAiChat } from './script/llm/openai-chat.js';
import { WriterRegistry } from './script/writer-registry.js';
import type { PipelineContext } from './pipeline/context.js';
import { createInProcessLock, type KeyedLock } from './core/keyed-lock.js';

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
  /** Test hook: a registry of wrapped providers (tests count calls); production never passes one. */
  providers?: ProviderRegistry;
  now?: () => Date;
  /** A lock shared across processes (the Redis lock of the distributed mode) instead of the in-process one. */
  lock?: KeyedLock;
  /** Synthesis services shared across processes (the distributed mode's Redis rate limiter, its retry policy). */
  synthesis?: Partial<SynthesisServices>;
  /** Pieces reach this process through queue jobs (a worker): its masterer cannot know that no more are coming. */
  piecesFromQueue?: boolean;
}

/** Registers every built-in provider; a vendor's SDK is imported only when a show first asks for that provider. */
export function registerDefaultProviders(registry: ProviderRegistry, config: AppConfig): ProviderRegistry {
  const { openai, elevenlabs, polly, kokoro } = config.tts;
  const defaults: Record<string, ProviderFactory> = {
    espeak: () => createEspeakProvider({ engine: config.espeakEngine, threads: config.concurrency }),
    flite: async () => (await import('./tts/providers/flite.js')).createFliteProvider(),
    festival: async () => (await import('./tts/providers/festival.js')).createFestivalProvider({ runner: { limit: config.concurrency } }),
    openai: async () => (await import('./tts/providers/openai.js')).createOpenAiProvider(openai),
    elevenlabs: async () => (await import('./tts/providers/elevenlabs.js')).createElevenLabsProvider(elevenlabs),
    polly: async () => (await import('./tts/providers/polly.js')).createPollyProvider(polly),
    kokoro: async () =>
      (await import('./tts/providers/kokoro.js')).createKokoroProvider({ dir: kokoro.modelDir ?? join(kokoro.modelsDir, 'kokoro'), threads: config.concurrency, phonemiser: config.espeakEngine }),
  };
  for (const [name, factory] of Object.entries(defaults)) if (!registry.has(name)) registry.register(name, factory);
  // Configured limits win over the ones providers declare; in distributed mode the limiter itself is shared.
  registry.setRateLimits(config.distributed.ttsRateLimits);
  return registry;
}

/** The offline extractive writer always (in the worker pool); the LLM writer when an endpoint is configured (its client loads on first use). */
export function createWriters(config: AppConfig): WriterRegistry {
  const registry = new WriterRegistry().register('extractive', () => createOffThreadExtractiveWriter());
  const llm = config.llm;
  if (llm) {
    const chat = () => createOpenAiChat({ baseURL: llm.baseUrl, apiKey: llm.apiKey, model: llm.model, timeoutMs: llm.timeoutMs });
    // Loaded on first use: the LLM writer pulls in the extractive writer (its fallback), which the main thread otherwise never runs.
    registry.register('llm', (style) => ({
      name: 'llm',
      write: async (input) => {
        const { createLlmWriter } = await import('./script/llm-writer.js');
        return createLlmWriter({ chat: chat(), systemPrompt: style.systemPrompt, style: { hosts: style.hosts, tone: style.tone } }).write(input);
      },
    }));
  }
  return registry;
}

export function createApp(config: AppConfig, overrides: AppOverrides = {}): App {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel });
  const binaries = findFfmpeg({ ffmpegPath: config.ffmpegPath, ffprobePath: config.ffprobePath, pathDirs: config.executableSearchPath });
  const providers = registerDefaultProviders(overrides.providers ?? new ProviderRegistry(overrides.synthesis), config);
  const writers = createWriters(config);
  const dataDir = resolve(config.dataDir);
  const { work, publish } = createStorages(config, dataDir);
  const ffmpeg = new FfmpegTools(binaries);
  const ctx: PipelineContext = {
    work,
    publish,
    providers,
    writers,
    ffmpeg,
    mastering: new PieceMasterer(ffmpeg, { slots: config.concurrency, announcesEveryPiece: !overrides.piecesFromQueue }),
    encoding: podcastEncoding,
    scratchDir: join(dataDir, 'tmp'),
    concurrency: config.concurrency,
    synthesisSlots: new Semaphore(config.concurrency),
    logger,
    lock: overrides.lock ?? createInProcessLock(),
    caps: { ...config.caps },
    now: overrides.now ?? (() => new Date()),
  };
  logger.debug({ ffmpeg: binaries.origin }, 'app ready');
  return { config, ctx, logger, close: () => providers.closeAll() };
}
