import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import { stitchStep } from '../../pipeline/build-steps.js';
import { stitchInputs } from '../../pipeline/episode-plan.js';
import { EpisodeStore } from '../../pipeline/episode-store.js';
import type { JobHandler } from '../handler-map.js';
import type { JobName, SynthesiseSegmentResult } from '../job-types.js';

function isSegmentResult(value: unknown): value is SynthesiseSegmentResult {
  return typeof value === 'object' && value !== null && Array.isArray((value as SynthesiseSegmentResult).segmentIds);
}

/** Step 3 on a worker: joins the pieces its children rendered (see stitchStep). */
export const stitchEpisodeJob: JobHandler<JobName.StitchEpisode> = async (job, { ctx }, { log }) => {
  const ref = { showId: job.data.showId, episodeId: job.data.episodeId };
  await job.updateProgress({ stage: 'stitching', done: 0, total: 1 });
  const rendered = Object.values(await job.getChildrenValues<unknown>()).filter(isSegmentResult);
  const results = stitchInputs(rendered);
  if (results.length === 0) throw new BriefcastError(ErrorCodes.INTERNAL, 'stitch job has no rendered segments', { subject: job.id });
  const show = await new EpisodeStore(ctx.work).getShow(ref.showId);
  const record = await stitchStep(ctx, show, ref, results);
  await job.updateProgress({ stage: 'stitching', done: 1, total: 1 });
  log.info({ audio: record.audio?.key, durationSeconds: record.audio?.durationSeconds }, 'episode stitched');
  return { audioKey: record.audio?.key ?? '', durationSeconds: record.audio?.durationSeconds ?? 0 };
};
