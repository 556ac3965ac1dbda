import type { EpisodeRecord, EpisodeStatus } from '../core/episode.js';
import { ErrorCodes, type BriefcastError } from '../core/errors.js';
import type { PipelineContext } from '../pipeline/context.js';
import { EpisodeStore } from '../pipeline/episode-store.js';
import type { EpisodeRef } from './job-types.js';

/** The order an episode moves through; a late or repeated job never moves it back. */
const RANK: Record<EpisodeStatus, number> = {
  draft: 0,
  failed: 0,
  queued: 1,
  writing: 2,
  synthesising: 3,
  stitching: 4,
  publishing: 5,
  published: 6,
};

export const episodeLockName = (ref: EpisodeRef) => `episode:${ref.showId}:${ref.episodeId}`;

/**
 * Changes an episode record under the episode's lock: concurrent segment jobs
 * on several machines update the same record, and read-modify-write of a JSON
 * object in storage would otherwise lose updates.
 */
export function changeEpisode(ctx: PipelineContext, ref: EpisodeRef, change: (record: EpisodeRecord) => EpisodeRecord): Promise<EpisodeRecord> {
  return ctx.lock(episodeLockName(ref), () => new EpisodeStore(ctx.work).updateEpisode(ref.showId, ref.episodeId, change));
}

/** Moves the episode forward to `status` (with progress), never backwards and never out of "published" or "failed". */
export function advanceEpisode(
  ctx: PipelineContext,
  ref: EpisodeRef,
  status: EpisodeStatus,
  progress?: { done: number; total: number },
): Promise<EpisodeRecord> {
  return changeEpisode(ctx, ref, (record) => {
    const later = RANK[status] > RANK[record.status];
    const same = status === record.status;
    if (record.status === 'failed' || record.status === 'published' || !(later || same)) return record;
    // Within one stage, progress only grows (segment jobs finish in any order).
    if (same && progress && record.progress && record.progress.stage === status && record.progress.done > progress.done) return record;
    return {
      ...record,
      status,
      progress: progress ? { stage: status, ...progress } : { stage: status, done: 0, total: 1 },
      updatedAt: ctx.now().toISOString(),
    };
  });
}

/**
 * Records the reason an episode failed; a published episode stays published.
 * A parent job fails with "child ... failed" when a child does: that reason
 * never replaces the child's own (more useful) one, whichever is recorded first.
 */
export function failEpisode(ctx: PipelineContext, ref: EpisodeRef, failure: BriefcastError, becauseOfChild = false): Promise<EpisodeRecord> {
  return changeEpisode(ctx, ref, (record) => {
    if (record.status === 'published') return record;
    // The first real reason wins; a parent's "child failed" only fills in when nothing better is known.
    if (record.status === 'failed' && record.error && (becauseOfChild || record.error.code !== ErrorCodes.CHILD_FAILED)) return record;
    const error = becauseOfChild ? { code: ErrorCodes.CHILD_FAILED, message: failure.toLine() } : { code: failure.code, message: failure.toLine() };
    return { ...record, status: 'failed', error, updatedAt: ctx.now().toISOString() };
  });
}
