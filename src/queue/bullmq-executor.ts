import { QueueEvents, type Job } from 'bullmq';
import type { DistributedConfig } from '../config/env.js';
import type { BuildListener, BuildOrder, BuildOutcome, EpisodeExecutor } from '../pipeline/episode-executor.js';
import type { EpisodeRef } from '../pipeline/episode-lifecycle.js';
import { draftJob, episodeFlow } from './episode-flow.js';
import { jobIds } from './job-ids.js';
import { QueueNames } from './job-types.js';
import type { ProgressTracker } from './progress-tracker.js';
import type { QueueSet } from './queue-set.js';

/**
 * Runs the four build steps as a BullMQ flow on workers (see episode-flow.ts);
 * a draft is one write-script job. Whether a build is alive is read from its
 * root job, so every API process on every machine agrees.
 */
export class BullmqExecutor implements EpisodeExecutor {
  readonly mode = 'distributed' as const;
  private readonly events: QueueEvents[] = [];

  constructor(
    private readonly queues: QueueSet,
    private readonly progress: ProgressTracker,
    private readonly config: DistributedConfig,
  ) {}

  /** The root jobs an episode's builds can have: its flow, and its draft script. */
  private roots(ref: EpisodeRef): Array<Promise<Job | undefined>> {
    return [this.queues.get(QueueNames.publish).getJob(jobIds.publish(ref)), this.queues.get(QueueNames.script).getJob(jobIds.draft(ref))];
  }

  /** Read only: an ended build's jobs stay (finished jobs are kept for a day) until the episode starts again. */
  async isBuilding(ref: EpisodeRef): Promise<boolean> {
    const states = await Promise.all((await Promise.all(this.roots(ref))).map((root) => root?.getState()));
    return states.some((state) => state !== undefined && state !== 'completed' && state !== 'failed' && state !== 'unknown');
  }

  async start(order: BuildOrder): Promise<void> {
    const { ref, ...script } = order;
    // An ended build is cleared first, so the same job ids start the episode again (a retry, an approval, a rebuild after unpublish).
    for (const root of await Promise.all(this.roots(ref))) if (root) await root.remove({ removeChildren: true });
    await this.progress.reset(ref);
    if (order.draft) await this.queues.get(QueueNames.script).add(...draftJob(ref, script, this.config));
    else await this.queues.flow.add(episodeFlow(ref, script, this.config));
  }

  /** Heard from the root queues' events: every API process hears every build end, webhook job ids deduplicate. */
  async onFinished(listener: BuildListener): Promise<void> {
    const listen = async (queue: string, episodeOf: (jobId: string) => EpisodeRef | null, completed: BuildOutcome) => {
      const events = new QueueEvents(queue, { connection: this.queues.connection.duplicate(), prefix: this.queues.prefix });
      this.events.push(events);
      events.on('completed', ({ jobId }) => {
        const ref = episodeOf(jobId);
        if (ref) listener(ref, completed, {});
      });
      events.on('failed', ({ jobId }) => {
        const ref = episodeOf(jobId);
        if (ref) listener(ref, 'failed', {});
      });
      await events.waitUntilReady();
    };
    await listen(QueueNames.publish, jobIds.episodeOfPublish, 'published');
    await listen(QueueNames.script, jobIds.episodeOfDraft, 'draft');
  }

  /** Builds run on the workers; nothing runs in this process. */
  async idle(): Promise<void> {}

  async close(): Promise<void> {
    await Promise.all(this.events.map((events) => events.close()));
  }
}
