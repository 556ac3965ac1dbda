import { QueueEvents } from 'bullmq';
import type { FinishedFlowFeed, FlowEpisodeRef, FlowOutcome } from '../pipeline/distributed-ports.js';
import { jobIds } from './job-ids.js';
import { QueueNames } from './job-types.js';
import type { QueueSet } from './queue-set.js';

/** Finished flows heard from the publish queue's events; every API process hears them, webhook job ids deduplicate. */
export class FinishedFlows implements FinishedFlowFeed {
  private events?: QueueEvents;

  constructor(private readonly queues: QueueSet) {}

  async start(listener: (ref: FlowEpisodeRef, outcome: FlowOutcome) => void): Promise<void> {
    this.events = new QueueEvents(QueueNames.publish, { connection: this.queues.connection.duplicate(), prefix: this.queues.prefix });
    const report = (jobId: string, outcome: FlowOutcome) => {
      const ref = jobIds.episodeOfPublish(jobId);
      if (ref) listener(ref, outcome);
    };
    this.events.on('completed', ({ jobId }) => report(jobId, 'published'));
    this.events.on('failed', ({ jobId }) => report(jobId, 'failed'));
    await this.events.waitUntilReady();
  }

  async close(): Promise<void> {
    await this.events?.close();
  }
}
