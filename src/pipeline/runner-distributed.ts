import type { ShowConfig } from '../config/show-config.js';
import type { EpisodeRecord } from '../core/episode.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { PipelineContext } from './context.js';
import type { EpisodeFlowQueue, FinishedFlowFeed, FlowEpisodeRef } from './distributed-ports.js';
import { scriptOptions, type EpisodeEventListener, type EpisodeEventType, type EpisodeRunner, type EpisodeStatusView, type SubmitEpisodeRequest, type SubmitResult } from './episode-runner.js';
import { EpisodeStore } from './episode-store.js';
import { defaultEpisodeId, prepareEpisode } from './episode-steps.js';

/**
 * The API's runner in distributed mode: episodes become flows (BullMQ, in src/queue, behind ./distributed-ports.ts)
 * that workers on any machine run. A plain episode's flow writes its own script;
 * drafts and episodes with their own length or voice get their script written
 * here, and their flow makes the audio from the stored script.
 */
export class DistributedRunner implements EpisodeRunner {
  readonly mode = 'distributed' as const;
  private readonly listeners: EpisodeEventListener[] = [];

  constructor(
    private readonly ctx: PipelineContext,
    private readonly queue: EpisodeFlowQueue,
    private readonly finished: FinishedFlowFeed,
  ) {}

  /** Listens for finished flows, to tell webhooks. */
  async start(): Promise<void> {
    await this.finished.start((ref, outcome) => void this.report(ref, outcome === 'published' ? 'episode.published' : 'episode.failed'));
  }

  /** Claimed under the shared Redis lock: identical requests to any API process make one episode. */
  async submit(request: SubmitEpisodeRequest): Promise<SubmitResult> {
    const episodeId = request.episodeId ?? defaultEpisodeId(request.show, request.articles, request.date);
    return this.ctx.lock(`submit:${request.show.id}:${episodeId}`, () => this.claim({ ...request, episodeId }));
  }

  private async claim(request: SubmitEpisodeRequest & { episodeId: string }): Promise<SubmitResult> {
    const { show, episodeId } = request;
    const perEpisode = request.draft || request.voice || (request.targetMinutes !== undefined && request.targetMinutes !== show.targetMinutes);
    if (!perEpisode) {
      const result = await this.queue.enqueue({
        show,
        articles: request.articles,
        date: request.date,
        episodeId,
        ...(request.writer ? { writer: request.writer } : {}),
      });
      return { record: result.record, created: result.added };
    }
    // Drafts and per-episode length or voice: the script is written here (the extractive writer takes
    // milliseconds; an LLM writer's call is the same either way), then the workers make the audio from it.
    const store = new EpisodeStore(this.ctx.work);
    const existing = await store.findEpisode(show.id, episodeId);
    if (existing && existing.status !== 'failed') return { record: existing, created: false };
    await prepareEpisode(this.ctx, show, request.articles, scriptOptions(request, episodeId));
    if (request.draft) {
      const draft = await store.updateEpisode(show.id, episodeId, (record) => ({
        ...record,
        status: 'draft',
        progress: { stage: 'draft', done: 1, total: 1 },
        updatedAt: this.ctx.now().toISOString(),
      }));
      return { record: draft, created: true };
    }
    const result = await this.queue.enqueueWritten(show, episodeId, request.date);
    return { record: result.record, created: result.added };
  }

  async approve(show: ShowConfig, episodeId: string): Promise<EpisodeRecord> {
    const store = new EpisodeStore(this.ctx.work);
    const record = await store.getEpisode(show.id, episodeId);
    if (record.status !== 'draft') {
      throw new BriefcastError(ErrorCodes.STORAGE_CONFLICT, `only a draft can be approved; this episode is ${record.status}`, { subject: `${show.id}/${episodeId}` });
    }
    const result = await this.queue.enqueueWritten(show, episodeId, new Date(`${record.date}T12:00:00Z`));
    return result.record;
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
    await this.finished.close();
  }

  private async report(ref: FlowEpisodeRef, type: EpisodeEventType): Promise<void> {
    try {
      const store = new EpisodeStore(this.ctx.work);
      const [show, record] = await Promise.all([store.getShow(ref.showId), store.getEpisode(ref.showId, ref.episodeId)]);
      for (const listener of this.listeners) listener({ type, show, record });
    } catch (error) {
      this.ctx.logger.warn({ err: error, showId: ref.showId, episodeId: ref.episodeId }, 'finished flow without a readable record');
    }
  }
}
