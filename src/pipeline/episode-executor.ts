import type { ShowConfig } from '../config/show-config.js';
import type { EpisodeRecord } from '../core/episode.js';
import type { EpisodeRef } from './episode-lifecycle.js';
import type { ScriptOrder } from './build-steps.js';

/**
 * The port between the episode runner (submission, idempotency, drafts,
 * approval, retries: episode-runner.ts) and what runs the four build
 * steps of build-steps.ts: write script, render piece, stitch, publish. The
 * embedded executor runs them in this process; the BullMQ executor
 * (src/queue/bullmq-executor.ts) runs them as a flow on workers.
 */
export interface BuildOrder extends ScriptOrder {
  ref: EpisodeRef;
}

/** How a build ended, reported once per build whichever process ran it. */
export type BuildOutcome = 'published' | 'draft' | 'failed';

/** What the executor already holds when a build ends in this process, so the report needs no second read. */
export interface BuildEnd {
  show?: ShowConfig;
  record?: EpisodeRecord;
}

export type BuildListener = (ref: EpisodeRef, outcome: BuildOutcome, end: BuildEnd) => void;

export interface EpisodeExecutor {
  readonly mode: 'embedded' | 'distributed';
  /**
   * True while a build of the episode is queued or running. A build that has
   * ended leaves nothing behind that would stop the same episode starting again.
   */
  isBuilding(ref: EpisodeRef): Promise<boolean>;
  /** Hands the build over; resolves once it is queued, not when it ends. The record is already stored. */
  start(order: BuildOrder): Promise<void>;
  /** Listeners must not throw. */
  onFinished(listener: BuildListener): Promise<void>;
  /** Resolves when no build runs in this process (tests, shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}
