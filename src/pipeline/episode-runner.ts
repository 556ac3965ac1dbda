import { setTimeout as sleep } from 'node:timers/promises';
import type { ShowConfig } from '../config/show-config.js';
import type { EpisodeRecord } from '../core/episode.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { Article } from '../core/types.js';
import type { PipelineContext } from './context.js';
import type { BuildEnd, BuildOutcome, EpisodeExecutor } from './episode-executor.js';
import { recordQueued, restartEpisode, SETTLED_STATUSES, type EpisodeRef } from './episode-lifecycle.js';
import { defaultEpisodeId, queuedEpisodeRecord } from './episode-steps.js';
import { EpisodeStore } from './episode-store.js';
import { resolveVoicePick } from '../tts/auto-voice.js';
import { stagesOf, type StageProgress } from './stage-progress.js';

export type { StageProgress } from './stage-progress.js';

/**
 * What producers (the HTTP API, schedules, the CLI) drive episodes through, in
 * either mode: submission, idempotency, drafts, approval and retries are
 * written here once, above the executor port (episode-executor.ts). Callers
 * never wait for the audio unless they ask to: `submit` returns once the
 * episode is recorded.
 */
export interface SubmitEpisodeRequest {
  show: ShowConfig;
  /** Already ingested and cleaned. */
  articles: Article[];
  date: Date;
  episodeId?: string;
  writer?: string;
  /** Target length of this episode in minutes (default: the show's). */
  targetMinutes?: number;
  /** Voice name of the show's provider reading every segment (default: the show's cast). */
  voice?: string;
  /** Stop after the script, for a producer to review, edit and approve. */
  draft?: boolean;
  /** Build a settled (published, draft) episode of this id again from these articles, as the CLI's `create` does. */
  rebuild?: boolean;
}

export interface SubmitResult {
  record: EpisodeRecord;
  /** False when the same episode already existed (queued, running, draft or published): nothing new started. */
  created: boolean;
}

export interface EpisodeStatusView {
  record: EpisodeRecord;
  /** Stages seen so far, in order, read from the record. */
  stages: Partial<Record<string, StageProgress>>;
}

export type EpisodeEventType = 'episode.published' | 'episode.failed';

export interface EpisodeEvent {
  type: EpisodeEventType;
  show: ShowConfig;
  record: EpisodeRecord;
}

export type EpisodeEventListener = (event: EpisodeEvent) => void;

const EVENT_OF: Partial<Record<BuildOutcome, EpisodeEventType>> = { published: 'episode.published', failed: 'episode.failed' };

export class EpisodeRunner {
  private readonly listeners: EpisodeEventListener[] = [];
  private closed = false;

  constructor(
    private readonly ctx: PipelineContext,
    private readonly executor: EpisodeExecutor,
  ) {}

  get mode(): 'embedded' | 'distributed' {
    return this.executor.mode;
  }

  private get store(): EpisodeStore {
    return new EpisodeStore(this.ctx.work);
  }

  /** Hears every finished build, to tell webhooks; call once after construction. */
  async start(): Promise<this> {
    await this.executor.onFinished((ref, outcome, end) => void this.report(ref, outcome, end));
    return this;
  }

  async submit(request: SubmitEpisodeRequest): Promise<SubmitResult> {
    this.assertOpen();
    const { show, articles } = request;
    // One content-derived id: the same articles on the same day are the same episode.
    const ref = { showId: show.id, episodeId: request.episodeId ?? defaultEpisodeId(show, articles, request.date) };
    // Check and claim in one step under the shared lock: identical concurrent requests make one episode.
    return this.ctx.lock(`submit:${ref.showId}:${ref.episodeId}`, async () => {
      const existing = await this.store.findEpisode(ref.showId, ref.episodeId);
      // Only a failed episode starts again (its cached pieces are reused), unless a rebuild is asked for.
      const again = existing && (existing.status === 'failed' || request.rebuild);
      if ((existing && !again) || (await this.executor.isBuilding(ref))) {
        return { record: existing ?? (await this.store.getEpisode(ref.showId, ref.episodeId)), created: false };
      }
      // Inputs first, so a worker on another machine finds everything in storage.
      await this.store.saveShow(show);
      await this.store.saveArticles(ref.showId, ref.episodeId, articles);
      const now = this.ctx.now().toISOString();
      // A published episode stays in its feed, as it was, until the rebuilt one is published over it.
      // `auto` is resolved once, here, and recorded: the whole episode speaks with the engines picked now, on any worker.
      const voicePick = existing?.status === 'published' ? undefined : await resolveVoicePick(this.ctx.providers, show);
      const queued = existing?.status === 'published'
        ? existing
        : { ...queuedEpisodeRecord(show, ref.episodeId, articles, request.date, now), createdAt: existing?.createdAt ?? now, ...(voicePick ? { voicePick } : {}) };
      if (queued !== existing) await recordQueued(this.ctx, queued);
      await this.executor.start({
        ref,
        date: request.date.toISOString(),
        ...(request.writer ? { writer: request.writer } : {}),
        ...(request.targetMinutes !== undefined ? { targetMinutes: request.targetMinutes } : {}),
        ...(request.voice ? { voice: request.voice } : {}),
        ...(request.draft ? { draft: true } : {}),
      });
      return { record: queued, created: true };
    });
  }

  /** Turns a draft into a published episode from its (possibly edited) script. */
  approve(show: ShowConfig, episodeId: string): Promise<EpisodeRecord> {
    return this.fromStoredScript(show, episodeId, (status) => (status === 'draft' ? null : `only a draft can be approved; this episode is ${status}`));
  }

  /** Builds the audio of a settled episode again from its stored (possibly edited) script: the CLI's `rebuild`. */
  rebuild(show: ShowConfig, episodeId: string): Promise<EpisodeRecord> {
    return this.fromStoredScript(show, episodeId, (status) => (SETTLED_STATUSES.has(status) ? null : `the episode is being built (${status}); try again when it has finished`));
  }

  private fromStoredScript(show: ShowConfig, episodeId: string, refusal: (status: EpisodeRecord['status']) => string | null): Promise<EpisodeRecord> {
    this.assertOpen();
    const ref = { showId: show.id, episodeId };
    return this.ctx.lock(`submit:${ref.showId}:${ref.episodeId}`, async () => {
      const record = await this.store.getEpisode(ref.showId, ref.episodeId);
      const reason = refusal(record.status) ?? ((await this.endingBuild(ref)) ? `the episode is being built (${record.status})` : null);
      if (reason) throw new BriefcastError(ErrorCodes.STORAGE_CONFLICT, reason, { subject: `${show.id}/${episodeId}` });
      await this.store.saveShow(show);
      const started = record.status === 'published' ? record : await restartEpisode(this.ctx, ref, 'queued');
      await this.executor.start({ ref, date: new Date(`${record.date}T12:00:00Z`).toISOString(), useStoredScript: true });
      return started;
    });
  }

  /**
   * True while a build is still running. A build that has recorded its end
   * (a draft just written) may take a moment more to finish on a worker: waited for, briefly.
   */
  private async endingBuild(ref: EpisodeRef): Promise<boolean> {
    for (let tries = 0; tries < 50; tries++) {
      if (!(await this.executor.isBuilding(ref))) return false;
      await sleep(100);
    }
    return true;
  }

  async status(showId: string, episodeId: string): Promise<EpisodeStatusView | null> {
    const record = await this.store.findEpisode(showId, episodeId);
    return record ? { record, stages: stagesOf(record) } : null;
  }

  /**
   * Resolves with the record once its build has ended (published, draft or
   * failed). The record is the truth in both modes, so this reads it.
   */
  async finished(ref: EpisodeRef, timeoutMs = 10 * 60_000): Promise<EpisodeRecord> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const record = await this.store.findEpisode(ref.showId, ref.episodeId);
      if (!record) throw new BriefcastError(ErrorCodes.STORAGE_NOT_FOUND, 'no such episode', { subject: `${ref.showId}/${ref.episodeId}` });
      const ended = SETTLED_STATUSES.has(record.status) && !(await this.executor.isBuilding(ref));
      if (ended || Date.now() > deadline) return record;
      await sleep(150);
    }
  }

  /** Published and failed episodes, for webhooks. Listeners must not throw. */
  onEvent(listener: EpisodeEventListener): void {
    this.listeners.push(listener);
  }

  /** Resolves when no episode is being built in this process (tests, shutdown). */
  idle(): Promise<void> {
    return this.executor.idle();
  }

  async close(): Promise<void> {
    this.closed = true;
    // Builds already started finish; nothing new is accepted.
    await this.executor.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new BriefcastError(ErrorCodes.INTERNAL, 'the episode runner is shutting down', { retryable: true });
  }

  private async report(ref: EpisodeRef, outcome: BuildOutcome, end: BuildEnd): Promise<void> {
    const type = EVENT_OF[outcome];
    if (!type || this.listeners.length === 0) return;
    try {
      // What the build already holds is told at once; a build on another machine is read back.
      const [show, first] = await Promise.all([end.show ?? this.store.getShow(ref.showId), end.record ?? this.store.getEpisode(ref.showId, ref.episodeId)]);
      let record = first;
      // A worker records the reason moments after its queue fails the build: the event carries the reason.
      for (let tries = 0; type === 'episode.failed' && record.status !== 'failed' && record.status !== 'published' && tries < 50; tries++) {
        await sleep(100);
        record = await this.store.getEpisode(ref.showId, ref.episodeId);
      }
      for (const listener of this.listeners) {
        try {
          listener({ type, show, record });
        } catch (error) {
          this.ctx.logger.error({ err: error, type }, 'episode event listener threw');
        }
      }
    } catch (error) {
      this.ctx.logger.warn({ err: error, ...ref }, 'finished build without a readable record');
    }
  }
}
