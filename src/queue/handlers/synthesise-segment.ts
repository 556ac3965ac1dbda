import { renderSegment } from '../../pipeline/render-segment.js';
import { advanceEpisode } from '../episode-status.js';
import type { JobHandler } from '../handler-map.js';
import type { JobName } from '../job-types.js';

/** Renders one piece of audio into the segment cache (a cache hit costs nothing) and counts it towards "n of m". */
export const synthesiseSegment: JobHandler<JobName.SynthesiseSegment> = async (job, { ctx, progress }, { log }) => {
  const ref = { showId: job.data.showId, episodeId: job.data.episodeId };
  const rendered = await renderSegment(ctx, job.data.request);
  const done = await progress.pieceDone(ref, job.data.cacheKey);
  await advanceEpisode(ctx, ref, 'synthesising', { done, total: job.data.total });
  await job.updateProgress({ stage: 'synthesising', done, total: job.data.total });
  log.debug({ cacheKey: rendered.cacheKey, cached: rendered.cached, done, total: job.data.total }, 'segment rendered');
  return {
    segmentIds: job.data.segmentIds,
    result: { cacheKey: rendered.cacheKey, provider: rendered.provider, voice: rendered.voice, cached: rendered.cached },
  };
};
