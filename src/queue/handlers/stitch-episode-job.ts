import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import { EpisodeStore } from '../../pipeline/episode-store.js';
import { stitchEpisode, type SegmentRenderResult } from '../../pipeline/stitch-episode.js';
import { advanceEpisode, changeEpisode } from '../episode-status.js';
import type { JobHandler } from '../handler-map.js';
import type { JobName, SynthesiseSegmentResult } from '../job-types.js';

function isSegmentResult(value: unknown): value is SynthesiseSegmentResult {
  return typeof value === 'object' && value !== null && Array.isArray((value as SynthesiseSegmentResult).segmentIds);
}

/**
 * Joins the pieces its children rendered into the episode audio and records
 * what was measured. The audio key is content-hashed, so a rerun after a crash
 * rewrites the same object; the record only names it once it is complete.
 */
export const stitchEpisodeJob: JobHandler<JobName.StitchEpisode> = async (job, { ctx }, { log }) => {
  const ref = { showId: job.data.showId, episodeId: job.data.episodeId };
  await advanceEpisode(ctx, ref, 'stitching');
  await job.updateProgress({ stage: 'stitching', done: 0, total: 1 });
  const results: SegmentRenderResult[] = [];
  for (const value of Object.values(await job.getChildrenValues<unknown>())) {
    if (!isSegmentResult(value)) continue;
    for (const segmentId of value.segmentIds) results.push({ segmentId, ...value.result });
  }
  if (results.length === 0) throw new BriefcastError(ErrorCodes.INTERNAL, 'stitch job has no rendered segments', { subject: job.id });
  const show = await new EpisodeStore(ctx.work).getShow(ref.showId);
  const { layout, ...measured } = await stitchEpisode(ctx, show, ref.episodeId, results);
  await changeEpisode(ctx, ref, (record) => ({
    ...record,
    ...measured,
    chapters: layout.chapters,
    segments: layout.segments,
    updatedAt: ctx.now().toISOString(),
  }));
  await advanceEpisode(ctx, ref, 'publishing');
  await job.updateProgress({ stage: 'stitching', done: 1, total: 1 });
  log.info({ audio: measured.audio.key, durationSeconds: measured.audio.durationSeconds }, 'episode stitched');
  return { audioKey: measured.audio.key, durationSeconds: measured.audio.durationSeconds };
};
