import { publishStep } from '../../pipeline/build-steps.js';
import { EpisodeStore } from '../../pipeline/episode-store.js';
import type { JobHandler } from '../handler-map.js';
import type { JobName } from '../job-types.js';

/** Step 4 on a worker: publishes the episode once, however often the job runs (see publishStep). */
export const publishEpisodeJob: JobHandler<JobName.PublishEpisode> = async (job, { ctx }, { log }) => {
  await job.updateProgress({ stage: 'publishing', done: 0, total: 1 });
  const show = await new EpisodeStore(ctx.work).getShow(job.data.showId);
  const record = await publishStep(ctx, show, { showId: job.data.showId, episodeId: job.data.episodeId });
  await job.updateProgress({ stage: 'published', done: 1, total: 1 });
  log.info({ audio: record.audio?.url }, 'episode published');
  return { status: record.status, audioUrl: record.audio?.url };
};
