import type { Logger } from '../core/logger.js';
import type { FfmpegTools } from '../audio/ffmpeg.js';
import type { EncodeSettings } from '../audio/ffmpeg.js';
import type { Storage } from '../storage/storage.js';
import type { ProviderRegistry } from '../tts/provider-registry.js';
import type { WriterRegistry } from '../script/writer-registry.js';
import type { KeyedLock } from '../core/keyed-lock.js';
import type { EpisodeCaps } from './episode-caps.js';

/**
 * Everything a stage function may touch, built once by the composition root.
 * Stages take this instead of importing adapters, so the embedded runner and
 * the queue workers call the very same functions.
 */
export interface PipelineContext {
  /** Inputs, scripts, records and the segment cache: never fetched by listeners. */
  work: Storage;
  /** What listeners fetch: audio, feeds, side files. */
  publish: Storage;
  providers: ProviderRegistry;
  writers: WriterRegistry;
  ffmpeg: FfmpegTools;
  encoding: EncodeSettings;
  /** Folder for ffmpeg's temporary files (each run makes its own subfolder). */
  scratchDir: string;
  /** How many segments to synthesise at once. */
  concurrency: number;
  logger: Logger;
  /** Serialises read-modify-write of shared objects such as a show's feed (per show, across all processes in distributed mode). */
  lock: KeyedLock;
  /** Cost caps checked on every script before synthesis (defaults when absent). */
  caps?: EpisodeCaps;
  /** Clock, injectable for tests. */
  now: () => Date;
}
