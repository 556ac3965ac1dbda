import { join, resolve } from 'node:path';
import type { AppConfig } from './config/env.js';
import { createLogger, type Logger } from './core/logger.js';
import { findFfmpeg } from './audio/ffmpeg-binaries.js';
import { FfmpegTools } from './audio/ffmpeg.js';
import { podcastEncoding } from './audio/encode-settings.js';
import { createStorages } from './storage/create-storage.js';
import { ProviderRegistry } from './tts/provider-registry.js';
import { createEspeakProvider } from './tts/providers/espeak.js';
import { createExtractiveWriter } from './script/extractive-writer.js';
import type { ScriptWriter } from './script/writer.js';
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
  /** Extra or replacement TTS providers (tests wrap providers to count calls). */
  providers?: ProviderRegistry;
  now?: () => Date;
  /** A lock shared across processes (the Redis lock of the distributed mode) instead of the in-process one. */
  lock?: KeyedLock;
}

export function registerDefaultProviders(registry: ProviderRegistry, config: AppConfig): ProviderRegistry {
  if (!registry.has('espeak')) {
    registry.register('espeak', () => createEspeakProvider({ engine: config.espeakEngine, threads: config.concurrency }));
  }
  return registry;
}

export function createApp(config: AppConfig, overrides: AppOverrides = {}): App {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel });
  const binaries = findFfmpeg({ ffmpegPath: config.ffmpegPath, ffprobePath: config.ffprobePath });
  const providers = registerDefaultProviders(overrides.providers ?? new ProviderRegistry(), config);
  const writers = new Map<string, ScriptWriter>([['extractive', createExtractiveWriter()]]);
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
