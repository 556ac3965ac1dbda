import { pieceRendered, renderPieceStep } from '../../pipeline/build-steps.js';
import type { JobHandler } from '../handler-map.js';
import type { JobName } from '../job-types.js';

/** Step 2 on a worker: renders one planned piece (a cache hit costs nothing) and counts it towards "n of m". */
export const synthesiseSegment: JobHandler<JobName.SynthesiseSegment> = async (job, { ctx, progress }, { log }) => {
  const ref = { showId: job.data.showId, episodeId: job.data.episodeId };
  const result = await renderPieceStep(ctx, { cacheKey: job.data.cacheKey, request: job.data.request, segmentIds: job.data.segmentIds });
  // Counted as a set of cache keys in Redis, so a piece rendered twice (a retry, a stalled job) counts once.
  const done = await progress.pieceDone(ref, job.data.cacheKey);
  await pieceRendered(ctx, ref, done, job.data.total);
  await job.updateProgress({ stage: 'synthesising', done, total: job.data.total });
  log.debug({ cacheKey: result.cacheKey, cached: result.cached, done, total: job.data.total }, 'piece rendered');
  return { segmentIds: job.data.segmentIds, result };
};
