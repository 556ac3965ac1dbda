import type { EpisodeRecord, EpisodeStatus } from '../core/episode.js';
import { ErrorCodes, type BriefcastError } from '../core/errors.js';
import type { PipelineContext } from './context.js';
import { EpisodeStore } from './episode-store.js';

/**
 * The one place an episode's status changes, in both modes. Every change runs
 * under the episode's lock (a Redis lock in distributed mode): concurrent piece
 * renders on several machines update the same record, and an unlocked
 * read-modify-write of a stored JSON object would lose updates.
 *
 *   queued -> writing -> synthesising -> stitching -> publishing -> published
 *                  \-> draft (approve: -> synthesising)
 *   any running status -> failed (retry: -> queued)
 */
export interface EpisodeRef {
  showId: string;
  episodeId: string;
}

/** The order an episode moves through; a late or repeated step never moves it back. */
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

/** Statuses in which no step is running: an episode can be unpublished, retried or approved from these. */
export const SETTLED_STATUSES: ReadonlySet<EpisodeStatus> = new Set(['published', 'draft', 'failed']);

export const episodeLockName = (ref: EpisodeRef) => `episode:${ref.showId}:${ref.episodeId}`;

/** Changes an episode record under the episode's lock. */
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
    // Within one stage, progress only grows (pieces finish in any order).
    if (same && progress && record.progress && record.progress.stage === status && record.progress.done > progress.done) return record;
    return {
      ...record,
      status,
      progress: progress ? { stage: status, ...progress } : { stage: status, done: 0, total: 1 },
      updatedAt: ctx.now().toISOString(),
    };
  });
}

/** Stores the record of a newly accepted episode (status "queued"). */
export function recordQueued(ctx: PipelineContext, record: EpisodeRecord): Promise<void> {
  return ctx.lock(episodeLockName({ showId: record.showId, episodeId: record.id }), () => new EpisodeStore(ctx.work).saveEpisode(record));
}

/**
 * Puts an accepted episode (new, a failed one submitted again, or an approved
 * draft) at the start of its build: the previous failure's reason goes.
 */
export function restartEpisode(ctx: PipelineContext, ref: EpisodeRef, status: 'queued' | 'synthesising'): Promise<EpisodeRecord> {
  return changeEpisode(ctx, ref, (record) => {
    const { error: _previous, ...kept } = record;
    return { ...kept, status, progress: { stage: status, done: 0, total: 1 }, updatedAt: ctx.now().toISOString() };
  });
}

/** Records the written script as a draft for review (a published episode stays published). */
export function recordDraft(ctx: PipelineContext, ref: EpisodeRef): Promise<EpisodeRecord> {
  return changeEpisode(ctx, ref, (record) =>
    record.status === 'published' ? record : { ...record, status: 'draft', progress: { stage: 'draft', done: 1, total: 1 }, updatedAt: ctx.now().toISOString() },
  );
}

/** Records the published episode: `fill` adds the files and publish time to the record. */
export function recordPublished(ctx: PipelineContext, ref: EpisodeRef, fill: (record: EpisodeRecord) => EpisodeRecord): Promise<EpisodeRecord> {
  return changeEpisode(ctx, ref, (record) => {
    // A published episode carries no failure: not its last attempt's, nor a late report from a build it replaced.
    const { error: _superseded, ...current } = fill(record);
    return { ...current, status: 'published', progress: { stage: 'published', done: 1, total: 1 }, updatedAt: ctx.now().toISOString() };
  });
}

/**
 * Records the reason an episode failed; a published episode stays published.
 * A distributed parent step fails with "child ... failed" when a child does:
 * that reason never replaces the child's own (more useful) one, whichever is
 * recorded first. Returns null when the record already held its failure (the
 * failure was recorded once, and is reported once).
 */
export async function failEpisode(ctx: PipelineContext, ref: EpisodeRef, failure: BriefcastError, becauseOfChild = false): Promise<EpisodeRecord | null> {
  let changed = false;
  const record = await changeEpisode(ctx, ref, (current) => {
    if (current.status === 'published') return current;
    if (current.status === 'failed' && current.error && (becauseOfChild || current.error.code !== ErrorCodes.CHILD_FAILED)) return current;
    changed = current.status !== 'failed';
    const error = becauseOfChild ? { code: ErrorCodes.CHILD_FAILED, message: failure.toLine() } : { code: failure.code, message: failure.toLine() };
    return { ...current, status: 'failed', error, updatedAt: ctx.now().toISOString() };
  });
  return changed ? record : null;
}
