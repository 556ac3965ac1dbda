import { setTimeout as sleep } from 'node:timers/promises';
import { QueueEvents } from 'bullmq';
import type { DistributedConfig } from '../config/env.js';
import type { ShowConfig } from '../config/show-config.js';
import type { EpisodeRecord } from '../core/episode.js';
import type { Article } from '../core/types.js';
import type { PipelineContext } from '../pipeline/context.js';
import { defaultEpisodeId, queuedEpisodeRecord } from '../pipeline/episode-steps.js';
import { resolveVoicePick } from '../tts/auto-voice.js';
import { EpisodeStore } from '../pipeline/episode-store.js';
import { publishShowAssets } from '../pipeline/show-assets.js';
import { changeEpisode } from './episode-status.js';
import { episodeFlow } from './episode-flow.js';
import { jobIds } from './job-ids.js';
import { QueueNames, type EpisodeRef, type WriteScriptData } from './job-types.js';
import type { ProgressTracker } from './progress-tracker.js';
import type { QueueSet } from './queue-set.js';

export interface EnqueueRequest {
  show: ShowConfig;
  /** Ingested and cleaned articles: the enqueuer reads local files and URLs, workers read storage. */
  articles: Article[];
  date: Date;
  episodeId?: string;
  writer?: string;
}

export interface EnqueueResult extends EpisodeRef {
  /** False when the episode was already queued, running or published: nothing new was added. */
  added: boolean;
  record: EpisodeRecord;
}

/**
 * What callers (the CLI, later the HTTP API) use to build episodes on the
 * workers: submit one, read its status, wait for it.
 */
export class EpisodeQueue {
  constructor(
    private readonly ctx: PipelineContext,
    private readonly queues: QueueSet,
    private readonly progress: ProgressTracker,
    private readonly config: DistributedConfig,
  ) {}

  async enqueue(request: EnqueueRequest): Promise<EnqueueResult> {
    const { show, articles } = request;
    const ref = { showId: show.id, episodeId: request.episodeId ?? defaultEpisodeId(show, articles, request.date) };
    const store = new EpisodeStore(this.ctx.work);
    const existing = await store.findEpisode(ref.showId, ref.episodeId);
    const running = await this.findRunning(ref, existing);
    if (running) return running;
    // Inputs first, so a worker on another machine finds everything in storage.
    await store.saveArticles(ref.showId, ref.episodeId, articles);
    // `auto` is resolved once, at submit, and recorded: workers render with the engines picked here.
    const voicePick = await resolveVoicePick(this.ctx.providers, show);
    const queued = { ...queuedEpisodeRecord(show, ref.episodeId, articles, request.date, this.ctx.now().toISOString()), ...(voicePick ? { voicePick } : {}) };
    return this.start(show, ref, existing ?? queued, !existing, { date: request.date.toISOString(), writer: request.writer });
  }

  /**
   * Queues an episode whose script is already in storage: an approved draft, or
   * one the API wrote with per-episode length or voice. Workers plan the segments
   * from that script instead of writing a new one.
   */
  async enqueueWritten(show: ShowConfig, episodeId: string, date: Date): Promise<EnqueueResult> {
    const ref = { showId: show.id, episodeId };
    const store = new EpisodeStore(this.ctx.work);
    const existing = await store.getEpisode(ref.showId, ref.episodeId);
    const running = await this.findRunning(ref, existing);
    if (running) return running;
    return this.start(show, ref, existing, false, { date: date.toISOString(), useStoredScript: true });
  }

  /** The existing episode when it is published or its flow is still alive; a failed flow is removed so it can start over. */
  private async findRunning(ref: EpisodeRef, existing: EpisodeRecord | null): Promise<EnqueueResult | null> {
    if (existing?.status === 'published') return { ...ref, added: false, record: existing };
    const root = await this.queues.get(QueueNames.publish).getJob(jobIds.publish(ref));
    if (!root) return null;
    const state = await root.getState();
    if (state !== 'failed' && existing) return { ...ref, added: false, record: existing };
    // A failed episode submitted again starts over; its cached pieces are reused.
    if (state === 'failed') await root.remove({ removeChildren: true });
    return null;
  }

  private async start(show: ShowConfig, ref: EpisodeRef, record: EpisodeRecord, isNew: boolean, script: Omit<WriteScriptData, keyof EpisodeRef>): Promise<EnqueueResult> {
    const store = new EpisodeStore(this.ctx.work);
    await store.saveShow(show);
    await publishShowAssets(this.ctx, show);
    await this.progress.reset(ref);
    const now = this.ctx.now().toISOString();
    const progress = { stage: 'queued' as const, done: 0, total: 1 };
    let saved = record;
    if (isNew) {
      await store.saveEpisode(record);
    } else {
      const { error: _previous, ...kept } = record;
      saved = await changeEpisode(this.ctx, ref, () => ({ ...kept, status: 'queued', progress, updatedAt: now }));
    }
    await this.queues.flow.add(episodeFlow(ref, script, this.config));
    return { ...ref, added: true, record: saved };
  }

  /** The episode's record: status, "n of m" progress while synthesising, the reason when failed. */
  status(ref: EpisodeRef): Promise<EpisodeRecord | null> {
    return new EpisodeStore(this.ctx.work).findEpisode(ref.showId, ref.episodeId);
  }

  /**
   * Resolves with the record once the episode is published or failed. Listens
   * before it looks, so a finish between the two is not missed.
   */
  async waitUntilFinished(ref: EpisodeRef, timeoutMs = 10 * 60_000): Promise<EpisodeRecord> {
    const deadline = Date.now() + timeoutMs;
    // QueueEvents blocks on its connection, so it gets its own (and BullMQ leaves closing a given connection to us).
    const connection = this.queues.connection.duplicate();
    const events = new QueueEvents(QueueNames.publish, { connection, prefix: this.queues.prefix });
    try {
      await events.waitUntilReady();
      const root = await this.queues.get(QueueNames.publish).getJob(jobIds.publish(ref));
      if (root && !(await root.isCompleted()) && !(await root.isFailed())) {
        await root.waitUntilFinished(events, timeoutMs).catch(() => undefined);
      }
    } finally {
      await events.close();
      connection.disconnect();
    }
    // A failure is written to the record by the worker that saw it, moments after BullMQ failed the flow.
    for (;;) {
      const record = await this.status(ref);
      if (!record) throw new Error(`episode ${ref.showId}/${ref.episodeId} not found`);
      if (record.status === 'published' || record.status === 'failed' || Date.now() > deadline) return record;
      await sleep(200);
    }
  }
}
