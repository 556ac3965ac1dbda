import { EpisodeStore } from '../../pipeline/episode-store.js';
import { publishEpisode } from '../../pipeline/publish-episode.js';
import type { JobHandler } from '../handler-map.js';
import type { JobName } from '../job-types.js';

/**
 * Publishes side files, marks the record published and rebuilds the show's
 * feeds under the show's lock (a Redis lock in distributed mode). Every step
 * is idempotent, so a rerun after a crash publishes the episode once.
 */
export const publishEpisodeJob: JobHandler<JobName.PublishEpisode> = async (job, { ctx }, { log }) => {
  await job.updateProgress({ stage: 'publishing', done: 0, total: 1 });
  const show = await new EpisodeStore(ctx.work).getShow(job.data.showId);
  const record = await publishEpisode(ctx, show, job.data.episodeId);
  await job.updateProgress({ stage: 'published', done: 1, total: 1 });
  log.info({ audio: record.audio?.url }, 'episode published');
  return { status: record.status, audioUrl: record.audio?.url };
};
