import { setTimeout as sleep } from 'node:timers/promises';
import type { BriefcastError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { PipelineContext } from '../pipeline/context.js';
import { failEpisode } from '../pipeline/episode-lifecycle.js';
import type { EpisodeRef } from './job-types.js';

export interface RecordFailureOptions {
  logger: Logger;
  /** First wait after a failed write; doubles up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Gives up after this long (the worker logs the episode it could not mark). */
  giveUpAfterMs?: number;
}

/**
 * Marks an episode failed once its job failed for good, retrying while storage
 * is unreachable. A job usually fails for good *because* storage or a provider
 * was down, so the one write that records it is likely to fail too; without
 * retries the episode would stay "synthesising" forever with no job left to
 * move it, and no webhook would tell anyone.
 */
export async function recordFailure(ctx: PipelineContext, ref: EpisodeRef, failure: BriefcastError, becauseOfChild: boolean, options: RecordFailureOptions): Promise<boolean> {
  const first = options.firstDelayMs ?? 1_000;
  const max = options.maxDelayMs ?? 30_000;
  const deadline = Date.now() + (options.giveUpAfterMs ?? 15 * 60_000);
  for (let delay = first; ; delay = Math.min(delay * 2, max)) {
    try {
      await failEpisode(ctx, ref, failure, becauseOfChild);
      return true;
    } catch (error) {
      if (Date.now() + delay > deadline) {
        options.logger.error({ err: error, showId: ref.showId, episodeId: ref.episodeId }, 'could not record the failure; giving up');
        return false;
      }
      options.logger.warn({ err: error, showId: ref.showId, episodeId: ref.episodeId, retryInMs: delay }, 'could not record the failure yet; retrying');
      await sleep(delay);
    }
  }
}
