import type { App } from './app.js';
import { buildListenerEpisodes } from './listeners/build-listener-episodes.js';
import { ListenerStore } from './listeners/listener-store.js';
import { materialiser } from './listeners/materialise.js';
import type { EpisodeEvent } from './pipeline/episode-runner.js';
import type { DistributedApp } from './queue/distributed-app.js';
import { enqueueListenerBatches } from './queue/listener-batches.js';

/**
 * Builds the listeners' episodes of the day once the show's episode is
 * published (subscribed to the runner's events, beside webhooks). Embedded:
 * in this process, one build at a time. Distributed: the batch jobs, whose
 * ids name the publication, so every API process hearing the event queues
 * them once, and a rebuild of the episode (a new publication) queues them again.
 */
export interface ListenerBuilds {
  onEvent(event: EpisodeEvent): void;
  /** Resolves once every build or enqueue started so far has settled (tests, shutdown). */
  idle(): Promise<void>;
}

export function listenerBuilds(app: App, distributed?: DistributedApp): ListenerBuilds {
  const { ctx, config } = app;
  const keep = config.listeners.feedItems;
  let chain: Promise<void> = Promise.resolve();
  const run = async (event: EpisodeEvent) => {
    const { show, record } = event;
    if (distributed) {
      const batches = await enqueueListenerBatches(ctx, distributed.queues, { showId: show.id, episodeId: record.id, publication: Date.parse(record.updatedAt) }, keep);
      ctx.logger.info({ showId: show.id, episodeId: record.id, batches }, 'listener builds queued');
      return;
    }
    const listeners = await new ListenerStore(ctx.work, ctx.now).list(show.id);
    if (listeners.length === 0) return;
    await buildListenerEpisodes(ctx, show, record.id, listeners, { keep, ...(config.listeners.materialise ? { materialise: materialiser(ctx, show) } : {}) });
  };
  return {
    onEvent(event) {
      if (event.type !== 'episode.published') return;
      chain = chain
        .then(() => run(event))
        .catch((error: unknown) => ctx.logger.error({ err: error, showId: event.show.id, episodeId: event.record.id }, 'listener build after publish failed'));
    },
    idle: () => chain,
  };
}
