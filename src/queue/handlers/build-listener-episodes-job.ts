import { buildListenerEpisodes } from '../../listeners/build-listener-episodes.js';
import { ListenerStore } from '../../listeners/listener-store.js';
import { EpisodeStore } from '../../pipeline/episode-store.js';
import type { JobHandler } from '../handler-map.js';
import type { JobName } from '../job-types.js';

/**
 * One batch of listeners' episode records for the day. Rerunning a batch
 * rewrites the same records (a record per listener per day), so a retry after
 * a crash is harmless. A listener removed since the batch was queued is skipped.
 */
export const buildListenerEpisodesJob: JobHandler<JobName.BuildListenerEpisodes> = async (job, { ctx }, { log }) => {
  const show = await new EpisodeStore(ctx.work).getShow(job.data.showId);
  const store = new ListenerStore(ctx.work, ctx.now);
  const found = await Promise.all(job.data.listenerIds.map((id) => store.find(show.id, id)));
  const listeners = found.filter((listener) => listener !== null);
  const summary = await buildListenerEpisodes(ctx, show, job.data.episodeId, listeners, { keep: job.data.keep ?? 10 });
  log.info(summary, 'listener batch built');
  return summary;
};
