import type { Logger } from '../core/logger.js';
import type { FfmpegTools } from '../audio/ffmpeg.js';
import type { PieceMasterer } from '../audio/piece-masterer.js';
import type { EncodeSettings } from '../audio/ffmpeg.js';
import type { Storage } from '../storage/storage.js';
import type { ProviderRegistry } from '../tts/provider-registry.js';
import type { WriterRegistry } from '../script/writer-registry.js';
import type { KeyedLock } from '../core/keyed-lock.js';
import type { Semaphore } from '../core/semaphore.js';
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
  /** Masters synthesised speech into pieces, batching the pieces that wait (one per process). */
  mastering: PieceMasterer;
  encoding: EncodeSettings;
  /** Folder for ffmpeg's temporary files (each run makes its own subfolder). */
  scratchDir: string;
  /** How many segments to synthesise at once (and batches to master at once). */
  concurrency: number;
  /** Holds `concurrency` engine calls at once, however many pieces are in flight. */
  synthesisSlots: Semaphore;
  logger: Logger;
  /** Serialises read-modify-write of shared objects such as a show's feed (per show, across all processes in distributed mode). */
  lock: KeyedLock;
  /** Cost caps checked on every script before synthesis (defaults when absent). */
  caps?: EpisodeCaps;
  /** Clock, injectable for tests. */
  now: () => Date;
}

/**
 * Synthesis jobs a queue worker takes at once for `concurrency` engine slots:
 * more than the slots, so synthesised pieces queue up for mastering and share
 * its ffmpeg processes (src/audio/piece-masterer.ts), and few enough that other
 * workers get their share of an episode's jobs. With four per slot, the second
 * half of an 8-article episode's 15 pieces was only taken once the first half
 * was mastered (scripts/bench-distributed.ts). The embedded executor starts
 * every piece of its episode at once.
 */
export function piecesInFlight(concurrency: number): number {
  return Math.max(1, concurrency) * 8;
}
