import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import { pieceRendered, renderPieceStep } from '../../pipeline/build-steps.js';
import { EpisodeStore } from '../../pipeline/episode-store.js';
import { EpisodeFailFast } from '../episode-fail-fast.js';
import type { JobHandler } from '../handler-map.js';
import type { JobName } from '../job-types.js';

/** This process's synthesis jobs, by episode: one that fails for good stops the others' engine calls. */
const episodes = new EpisodeFailFast();

/** Step 2 on a worker: renders one planned piece (a cache hit costs nothing) and counts it towards "n of m". */
export const synthesiseSegment: JobHandler<JobName.SynthesiseSegment> = async (job, { ctx, progress }, { log }) => {
  const ref = { showId: job.data.showId, episodeId: job.data.episodeId };
  // A sibling piece, here or on another worker, may have failed the episode for good: then no engine call is worth making.
  const record = await new EpisodeStore(ctx.work).getEpisode(ref.showId, ref.episodeId);
  if (record.status === 'failed') throw new BriefcastError(ErrorCodes.CHILD_FAILED, 'another piece of this episode failed for good', { retryable: false });
  const started = performance.now();
  const result = await episodes.run(ref, (failFast) => renderPieceStep(ctx, { cacheKey: job.data.cacheKey, request: job.data.request, segmentIds: job.data.segmentIds }, failFast));
  // Counted as a set of cache keys in Redis, so a piece rendered twice (a retry, a stalled job) counts once.
  const done = await progress.pieceDone(ref, job.data.cacheKey);
  await pieceRendered(ctx, ref, done, job.data.total);
  await job.updateProgress({ stage: 'synthesising', done, total: job.data.total });
  // A fresh piece is engine and ffmpeg work an operator wants to see; a cache hit costs nothing worth a line.
  const fields = { cacheKey: result.cacheKey, provider: result.provider, voice: result.voice, done, total: job.data.total, ms: Math.round(performance.now() - started) };
  if (result.cached) log.debug(fields, 'piece found in the cache');
  else log.info(fields, 'piece synthesised and mastered');
  return { segmentIds: job.data.segmentIds, result };
};
