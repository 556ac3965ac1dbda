import { QueueEvents } from 'bullmq';
import type { ShowConfig } from '../config/show-config.js';
import type { EpisodeRecord } from '../core/episode.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { EpisodeQueue } from '../queue/episode-queue.js';
import { QueueNames } from '../queue/job-types.js';
import type { QueueSet } from '../queue/queue-set.js';
import type { PipelineContext } from './context.js';
import type { EpisodeEventListener, EpisodeEventType, EpisodeRunner, EpisodeStatusView, SubmitEpisodeRequest, SubmitResult } from './episode-runner.js';
import { EpisodeStore } from './episode-store.js';

/**
 * The API's runner in distributed mode: episodes become BullMQ flows (src/queue)
 * that workers on any machine run. The flow always writes its own script from
 * the show's settings, so per-episode length, voice and drafts are refused
 * here rather than silently ignored.
 */
export class DistributedRunner implements EpisodeRunner {
  readonly mode = 'distributed' as const;
  private readonly listeners: EpisodeEventListener[] = [];
  private events?: QueueEvents;

  constructor(
    private readonly ctx: PipelineContext,
    private readonly queue: EpisodeQueue,
    private readonly queues: QueueSet,
  ) {}

  /** Listens for finished flows, to tell webhooks; every API process hears them, webhook job ids deduplicate. */
  async start(): Promise<void> {
    this.events = new QueueEvents(QueueNames.publish, { connection: this.queues.connection.duplicate(), prefix: this.queues.prefix });
    this.events.on('completed', ({ jobId }) => void this.report(jobId, 'episode.published'));
    this.events.on('failed', ({ jobId }) => void this.report(jobId, 'episode.failed'));
    await this.events.waitUntilReady();
  }

  async submit(request: SubmitEpisodeRequest): Promise<SubmitResult> {
    const unsupported = [
      request.draft ? 'draft' : '',
      request.voice ? 'voice' : '',
      request.targetMinutes !== undefined && request.targetMinutes !== request.show.targetMinutes ? 'targetMinutes' : '',
    ].filter(Boolean);
    if (unsupported.length > 0) {
      throw new BriefcastError(ErrorCodes.INPUT_UNSUPPORTED, `not available in distributed mode yet: ${unsupported.join(', ')} (the queued flow writes its script from the show settings)`, {
        subject: unsupported.join(', '),
      });
    }
    const result = await this.queue.enqueue({
      show: request.show,
      articles: request.articles,
      date: request.date,
      ...(request.episodeId ? { episodeId: request.episodeId } : {}),
      ...(request.writer ? { writer: request.writer } : {}),
    });
    return { record: result.record, created: result.added };
  }

  async approve(show: ShowConfig, episodeId: string): Promise<EpisodeRecord> {
    throw new BriefcastError(ErrorCodes.INPUT_UNSUPPORTED, 'approving drafts is not available in distributed mode yet', { subject: `${show.id}/${episodeId}` });
  }

  async status(showId: string, episodeId: string): Promise<EpisodeStatusView | null> {
    const record = await this.queue.status({ showId, episodeId });
    if (!record) return null;
    const stages = record.progress && record.status === 'synthesising' ? { synthesise: { done: record.progress.done, total: record.progress.total } } : {};
    return { record, stages };
  }

  onEvent(listener: EpisodeEventListener): void {
    this.listeners.push(listener);
  }

  async idle(): Promise<void> {}

  async close(): Promise<void> {
    await this.events?.close();
  }

  private async report(jobId: string, type: EpisodeEventType): Promise<void> {
    const match = /^([a-z0-9][a-z0-9-]*)\.(.+)\.publish$/.exec(jobId);
    if (!match) return;
    try {
      const store = new EpisodeStore(this.ctx.work);
      const [show, record] = await Promise.all([store.getShow(match[1]!), store.getEpisode(match[1]!, match[2]!)]);
      for (const listener of this.listeners) listener({ type, show, record });
    } catch (error) {
      this.ctx.logger.warn({ err: error, jobId }, 'finished flow without a readable record');
    }
  }
}
