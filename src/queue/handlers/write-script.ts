import { EpisodeStore } from '../../pipeline/episode-store.js';
import { episodeVoicePick, prepareEpisode, segmentRequest } from '../../pipeline/episode-steps.js';
import { segmentCacheKey, type SegmentRenderRequest } from '../../pipeline/render-segment.js';
import { advanceEpisode } from '../episode-status.js';
import type { JobHandler } from '../handler-map.js';
import { jobIds } from '../job-ids.js';
import { childJobOptions } from '../job-policy.js';
import { JobName, QueueNames } from '../job-types.js';

/**
 * Writes the script, then adds one synthesis job per distinct piece of audio as
 * a child of the episode's stitch job. This job is itself a child of stitch, so
 * stitch cannot start before the segment jobs exist.
 */
export const writeScript: JobHandler<JobName.WriteScript> = async (job, { ctx, queues, progress, config }, { log }) => {
  const ref = { showId: job.data.showId, episodeId: job.data.episodeId };
  await advanceEpisode(ctx, ref, 'writing');
  await job.updateProgress({ stage: 'writing', done: 0, total: 1 });
  const store = new EpisodeStore(ctx.work);
  const show = await store.getShow(ref.showId);
  if (!job.data.useStoredScript) {
    const articles = await store.getArticles(ref.showId, ref.episodeId);
    await prepareEpisode(ctx, show, articles, { date: new Date(job.data.date), episodeId: ref.episodeId, writer: job.data.writer });
  }
  const script = await store.getScript(ref.showId, ref.episodeId);

  const pick = await episodeVoicePick(ctx, show, ref.episodeId);
  const pieces = new Map<string, { request: SegmentRenderRequest; segmentIds: string[] }>();
  for (const segment of script.segments) {
    const request = segmentRequest(show, segment, pick);
    const cacheKey = await segmentCacheKey(ctx, request);
    const piece = pieces.get(cacheKey) ?? { request, segmentIds: [] };
    piece.segmentIds.push(segment.id);
    pieces.set(cacheKey, piece);
  }
  await queues.get(QueueNames.synthesise).addBulk(
    [...pieces].map(([cacheKey, piece]) => ({
      name: JobName.SynthesiseSegment,
      data: { ...ref, cacheKey, segmentIds: piece.segmentIds, request: piece.request, total: pieces.size },
      opts: {
        ...childJobOptions(config),
        jobId: jobIds.segment(ref, cacheKey),
        parent: { id: jobIds.stitch(ref), queue: queues.qualified(QueueNames.stitch) },
      },
    })),
  );
  // A rerun (after a crash) may find some pieces already done.
  const done = await progress.count(ref);
  await advanceEpisode(ctx, ref, 'synthesising', { done: Math.min(done, pieces.size), total: pieces.size });
  await job.updateProgress({ stage: 'writing', done: 1, total: 1 });
  log.info({ segments: script.segments.length, pieces: pieces.size }, 'script written; segment jobs added');
  return { segments: script.segments.length, pieces: pieces.size };
};
