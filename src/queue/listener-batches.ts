import { ListenerStore } from '../listeners/listener-store.js';
import type { PipelineContext } from '../pipeline/context.js';
import { JobName, jobQueue, type BuildListenerEpisodesData } from './job-types.js';
import type { QueueSet } from './queue-set.js';

export const LISTENER_BATCH_SIZE = 500;

/**
 * Queues the day's listener builds for a published show episode, one job per
 * batch of listeners; job ids name the episode and the batch, so queuing the
 * same day twice adds nothing.
 */
export async function enqueueListenerBatches(ctx: PipelineContext, queues: QueueSet, ref: { showId: string; episodeId: string }, keep: number, batchSize = LISTENER_BATCH_SIZE): Promise<number> {
  const ids = (await new ListenerStore(ctx.work).list(ref.showId)).map((listener) => listener.id).sort();
  const queue = queues.get(jobQueue[JobName.BuildListenerEpisodes]);
  let batches = 0;
  for (let start = 0; start < ids.length; start += batchSize) {
    const data: BuildListenerEpisodesData = { ...ref, listenerIds: ids.slice(start, start + batchSize), keep };
    await queue.add(JobName.BuildListenerEpisodes, data, { jobId: `listeners__${ref.showId}__${ref.episodeId}__${start / batchSize}`, attempts: 3, backoff: { type: 'exponential', delay: 1000 } });
    batches += 1;
  }
  return batches;
}
