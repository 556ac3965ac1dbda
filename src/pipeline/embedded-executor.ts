import { mapConcurrent } from '../core/map-concurrent.js';
import { loadFeedBuilder } from './publish-episode.js';
import { toBriefcastError, type BriefcastError } from '../core/errors.js';
import { pieceRendered, publishStep, renderPieceStep, stitchStep, writeScriptStep } from './build-steps.js';
import type { PipelineContext } from './context.js';
import type { BuildEnd, BuildListener, BuildOrder, BuildOutcome, EpisodeExecutor } from './episode-executor.js';
import { failEpisode, type EpisodeRef } from './episode-lifecycle.js';
import { stitchInputs } from './episode-plan.js';
import { noProgress, type ProgressListener } from './progress.js';

export interface EmbeddedExecutorOptions {
  /** Episodes built at once; each one keeps `ctx.concurrency` engine calls and mastering batches busy. */
  concurrency: number;
  /** Per-step progress of every build (the CLI draws it). */
  onProgress?: ProgressListener;
  /** The error a build failed with, as thrown (the record holds its one-line form): the CLI reports it. */
  onFailure?: (ref: EpisodeRef, failure: BriefcastError) => void;
}

const refKey = (ref: EpisodeRef) => `${ref.showId}/${ref.episodeId}`;

/**
 * Runs the four build steps in this process, in the background, a bounded
 * number of episodes at a time. Every build ends in the record (published,
 * draft, or failed with its reason, recorded once); nothing it runs can
 * become an unhandled rejection.
 */
export class EmbeddedExecutor implements EpisodeExecutor {
  readonly mode = 'embedded' as const;
  private readonly building = new Set<string>();
  private readonly waiting: Array<() => Promise<void>> = [];
  private readonly listeners: BuildListener[] = [];
  private idleWaiters: Array<() => void> = [];
  private active = 0;
  private readonly onProgress: ProgressListener;

  constructor(
    private readonly ctx: PipelineContext,
    private readonly options: EmbeddedExecutorOptions,
  ) {
    this.onProgress = options.onProgress ?? noProgress;
  }

  async isBuilding(ref: EpisodeRef): Promise<boolean> {
    return this.building.has(refKey(ref));
  }

  async start(order: BuildOrder): Promise<void> {
    this.building.add(refKey(order.ref));
    this.waiting.push(() => this.build(order));
    this.pump();
  }

  async onFinished(listener: BuildListener): Promise<void> {
    this.listeners.push(listener);
  }

  idle(): Promise<void> {
    if (this.active === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    // Builds already started finish (their records must not stay "synthesising").
    await this.idle();
  }

  private pump(): void {
    while (this.active < this.options.concurrency && this.waiting.length > 0) {
      const task = this.waiting.shift()!;
      this.active += 1;
      void task()
        .catch((error: unknown) => this.ctx.logger.error({ err: error }, 'episode build failed outside its own handling'))
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

  private async build(order: BuildOrder): Promise<void> {
    const { ref } = order;
    const log = this.ctx.logger.child({ showId: ref.showId, episodeId: ref.episodeId });
    let outcome: BuildOutcome = 'failed';
    const end: BuildEnd = {};
    try {
      outcome = await this.steps(order, end);
      log.info({ outcome }, 'episode build finished');
    } catch (error) {
      const failure = toBriefcastError(error);
      log.warn({ code: failure.code, err: failure }, 'episode failed');
      const failed = await failEpisode(this.ctx, ref, failure).catch((recordError: unknown) => log.error({ err: recordError }, 'could not record the failure'));
      end.record = failed ?? undefined;
      this.options.onFailure?.(ref, failure);
    } finally {
      this.building.delete(refKey(ref));
    }
    for (const listener of this.listeners) {
      try {
        listener(ref, outcome, end);
      } catch (error) {
        log.error({ err: error }, 'build listener threw');
      }
    }
  }

  private async steps(order: BuildOrder, end: BuildEnd): Promise<BuildOutcome> {
    const { ref } = order;
    this.onProgress({ stage: 'script', done: 0, total: 1 });
    const { show, pieces } = await writeScriptStep(this.ctx, ref, order);
    end.show = show;
    this.onProgress({ stage: 'script', done: 1, total: 1 });
    if (order.draft) return 'draft';
    let done = 0;
    this.onProgress({ stage: 'synthesise', done, total: pieces.length });
    // The main thread mostly waits on engines and ffmpeg from here: load the publish step's feed builder now.
    void loadFeedBuilder().catch(() => undefined);
    // Every piece at once: engine calls are held to the synthesis slots (ctx.synthesisSlots), and a
    // piece waiting for mastering holds only file names, so a fast engine's pieces all reach the
    // masterer together and share its batches.
    // The first piece that fails fails the episode: the others still waiting for an engine slot then make no call.
    // (Here every failure is final: the engines' own retries are behind it.)
    const failed = new AbortController();
    const failFast = { signal: failed.signal, fail: () => failed.abort(new Error('another piece of this episode failed')) };
    const rendered = await mapConcurrent(pieces, Math.max(pieces.length, 1), async (piece) => {
      const result = await renderPieceStep(this.ctx, piece, failFast).catch((error: unknown) => {
        failFast.fail();
        throw error;
      });
      done += 1;
      await pieceRendered(this.ctx, ref, done, pieces.length);
      this.onProgress({ stage: 'synthesise', done, total: pieces.length, message: result.cached ? 'cached' : 'synthesised' });
      return { segmentIds: piece.segmentIds, result };
    });
    this.onProgress({ stage: 'stitch', done: 0, total: 1 });
    await stitchStep(this.ctx, show, ref, stitchInputs(rendered));
    this.onProgress({ stage: 'stitch', done: 1, total: 1 });
    this.onProgress({ stage: 'publish', done: 0, total: 1 });
    end.record = await publishStep(this.ctx, show, ref);
    this.onProgress({ stage: 'publish', done: 1, total: 1 });
    return 'published';
  }
}
