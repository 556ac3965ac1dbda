import type { ShowConfig } from '../config/show-config.js';
import type { EpisodeRecord } from '../core/episode.js';
import { BriefcastError, ErrorCodes, toBriefcastError } from '../core/errors.js';
import type { PipelineContext } from './context.js';
import { synthesiseAndPublish } from './embedded-runner.js';
import { scriptOptions } from './episode-runner.js';
import type {
  EpisodeEventListener,
  EpisodeEventType,
  EpisodeRunner,
  EpisodeStatusView,
  SubmitEpisodeRequest,
  SubmitResult,
} from './episode-runner.js';
import { defaultEpisodeId, prepareEpisode, queuedEpisodeRecord } from './episode-steps.js';
import { EpisodeStore } from './episode-store.js';
import type { ProgressListener } from './progress.js';
import { LiveProgress } from './runner-live-progress.js';
import { resolveVoicePick } from '../tts/auto-voice.js';

export interface EmbeddedRunnerOptions {
  /** Episodes built at once; each one synthesises `ctx.concurrency` segments at once. */
  concurrency: number;
}

/**
 * Builds episodes in this process, in the background, a bounded number at a
 * time. Every build ends in the record: published, draft, or failed with its
 * reason; nothing it runs can become an unhandled rejection.
 */
export class EmbeddedRunner implements EpisodeRunner {
  readonly mode = 'embedded' as const;
  private readonly live = new LiveProgress();
  private readonly waiting: Array<() => Promise<void>> = [];
  private readonly listeners: EpisodeEventListener[] = [];
  private idleWaiters: Array<() => void> = [];
  private active = 0;
  private closed = false;

  constructor(
    private readonly ctx: PipelineContext,
    private readonly options: EmbeddedRunnerOptions,
  ) {}

  private get store(): EpisodeStore {
    return new EpisodeStore(this.ctx.work);
  }

  async submit(request: SubmitEpisodeRequest): Promise<SubmitResult> {
    this.assertOpen();
    const { show, articles } = request;
    const episodeId = request.episodeId ?? defaultEpisodeId(show, articles, request.date);
    // Check and claim in one step: identical concurrent requests make one episode, the rest see it.
    return this.ctx.lock(`submit:${show.id}:${episodeId}`, () => this.claim(request, episodeId));
  }

  private async claim(request: SubmitEpisodeRequest, episodeId: string): Promise<SubmitResult> {
    const { show, articles } = request;
    const existing = await this.store.findEpisode(show.id, episodeId);
    // The same articles on the same day are the same episode: only a failed one starts again.
    if ((existing && existing.status !== 'failed') || this.live.has(show.id, episodeId)) {
      return { record: existing ?? (await this.store.getEpisode(show.id, episodeId)), created: false };
    }
    const now = this.ctx.now().toISOString();
    // `auto` is resolved once, here, and recorded: the whole episode speaks with the engines picked now.
    const voicePick = await resolveVoicePick(this.ctx.providers, show);
    const queued: EpisodeRecord = {
      ...queuedEpisodeRecord(show, episodeId, articles, request.date, now),
      createdAt: existing?.createdAt ?? now,
      ...(voicePick ? { voicePick } : {}),
    };
    await this.store.saveArticles(show.id, episodeId, articles);
    await this.store.saveEpisode(queued);
    this.live.start(show.id, episodeId);
    this.schedule(() => this.build(request, episodeId));
    return { record: queued, created: true };
  }

  async approve(show: ShowConfig, episodeId: string): Promise<EpisodeRecord> {
    this.assertOpen();
    const record = await this.store.getEpisode(show.id, episodeId);
    if (record.status !== 'draft' || this.live.has(show.id, episodeId)) {
      throw new BriefcastError(ErrorCodes.STORAGE_CONFLICT, `only a draft can be approved; this episode is ${record.status}`, {
        subject: `${show.id}/${episodeId}`,
      });
    }
    const approved = await this.store.updateEpisode(show.id, episodeId, (current) => ({
      ...current,
      status: 'synthesising',
      progress: { stage: 'synthesising', done: 0, total: 1 },
      updatedAt: this.ctx.now().toISOString(),
    }));
    this.live.start(show.id, episodeId);
    this.schedule(() => this.publish(show, episodeId));
    return approved;
  }

  async status(showId: string, episodeId: string): Promise<EpisodeStatusView | null> {
    const record = await this.store.findEpisode(showId, episodeId);
    if (!record) return null;
    return this.live.view(record);
  }

  onEvent(listener: EpisodeEventListener): void {
    this.listeners.push(listener);
  }

  idle(): Promise<void> {
    if (this.active === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    // Builds already started finish (their records must not stay "synthesising"); queued ones never start.
    await this.idle();
  }

  private assertOpen(): void {
    if (this.closed) throw new BriefcastError(ErrorCodes.INTERNAL, 'the episode runner is shutting down', { retryable: true });
  }

  private schedule(task: () => Promise<void>): void {
    this.waiting.push(task);
    this.pump();
  }

  private pump(): void {
    while (this.active < this.options.concurrency && this.waiting.length > 0) {
      const task = this.waiting.shift()!;
      this.active += 1;
      void task()
        .catch((error: unknown) => this.ctx.logger.error({ err: error }, 'episode task failed outside its own handling'))
        .finally(() => {
          this.active -= 1;
          this.pump();
          if (this.active === 0 && this.waiting.length === 0) {
            const waiters = this.idleWaiters;
            this.idleWaiters = [];
            for (const resolve of waiters) resolve();
          }
        });
    }
  }

  private async build(request: SubmitEpisodeRequest, episodeId: string): Promise<void> {
    const { show } = request;
    const onProgress = this.live.listener(show.id, episodeId);
    try {
      await this.store.updateEpisode(show.id, episodeId, (record) => ({ ...record, status: 'writing', progress: { stage: 'writing', done: 0, total: 1 } }));
      onProgress({ stage: 'script', done: 0, total: 1 });
      await this.writeScript(request, episodeId);
      onProgress({ stage: 'script', done: 1, total: 1 });
      if (request.draft) {
        const draft = await this.store.updateEpisode(show.id, episodeId, (record) => ({
          ...record,
          status: 'draft',
          progress: { stage: 'draft', done: 1, total: 1 },
          updatedAt: this.ctx.now().toISOString(),
        }));
        this.ctx.logger.info({ showId: show.id, episodeId, status: draft.status }, 'draft written');
        return;
      }
      await this.synthesise(show, episodeId, onProgress);
    } catch (error) {
      await this.fail(show, episodeId, error);
    } finally {
      this.live.finish(show.id, episodeId);
    }
  }

  private async publish(show: ShowConfig, episodeId: string): Promise<void> {
    try {
      await this.synthesise(show, episodeId, this.live.listener(show.id, episodeId));
    } catch (error) {
      await this.fail(show, episodeId, error);
    } finally {
      this.live.finish(show.id, episodeId);
    }
  }

  private async synthesise(show: ShowConfig, episodeId: string, onProgress: ProgressListener): Promise<void> {
    const record = await synthesiseAndPublish(this.ctx, show, episodeId, onProgress);
    this.emit('episode.published', show, record);
  }

  /** Writes the script with this episode's length and voice, if the request names them. */
  private async writeScript(request: SubmitEpisodeRequest, episodeId: string): Promise<void> {
    await prepareEpisode(this.ctx, request.show, request.articles, scriptOptions(request, episodeId));
  }

  private async fail(show: ShowConfig, episodeId: string, error: unknown): Promise<void> {
    const failure = toBriefcastError(error);
    this.ctx.logger.warn({ showId: show.id, episodeId, code: failure.code, err: failure }, 'episode failed');
    try {
      const record = await this.store.updateEpisode(show.id, episodeId, (current) => ({
        ...current,
        status: current.status === 'published' ? 'published' : 'failed',
        error: { code: failure.code, message: failure.toLine() },
        updatedAt: this.ctx.now().toISOString(),
      }));
      this.emit('episode.failed', show, record);
    } catch (recordError) {
      this.ctx.logger.error({ showId: show.id, episodeId, err: recordError }, 'could not record the failure');
    }
  }

  private emit(type: EpisodeEventType, show: ShowConfig, record: EpisodeRecord): void {
    for (const listener of this.listeners) {
      try {
        listener({ type, show, record });
      } catch (error) {
        this.ctx.logger.error({ err: error, type }, 'episode event listener threw');
      }
    }
  }
}
