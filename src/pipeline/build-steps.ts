import type { ShowConfig } from '../config/show-config.js';
import type { EpisodeRecord } from '../core/episode.js';
import type { PipelineContext } from './context.js';
import { advanceEpisode, changeEpisode, recordDraft, type EpisodeRef } from './episode-lifecycle.js';
import { planPieces, type PlannedPiece, type RenderedPiece } from './episode-plan.js';
import { withLengthWarning, prepareEpisode } from './episode-steps.js';
import { EpisodeStore } from './episode-store.js';
import { publishEpisode, rebuildFeed } from './publish-episode.js';
import { renderSegment, type PieceFailFast } from './render-segment.js';
import { publishShowAssets } from './show-assets.js';
import { stitchEpisode, type SegmentRenderResult } from './stitch-episode.js';

/**
 * The four steps of an episode build, written once: the embedded executor
 * calls them in this process, the BullMQ handlers (src/queue/handlers) call
 * them from workers. Each reads its inputs from storage and records its
 * status through the lifecycle, so either executor leaves the same records.
 */
export interface ScriptOrder {
  /** ISO timestamp of the day the briefing is for. */
  date: string;
  writer?: string;
  targetMinutes?: number;
  voice?: string;
  /** The script is already in storage (an approved draft): plan the pieces from it. */
  useStoredScript?: boolean;
  /** Stop after the script, for a producer to review, edit and approve. */
  draft?: boolean;
}

/** Step 1: writes (or reads) the script and plans its pieces; a draft stops here with an empty plan. */
export async function writeScriptStep(ctx: PipelineContext, ref: EpisodeRef, order: ScriptOrder): Promise<{ show: ShowConfig; pieces: PlannedPiece[]; segments: number }> {
  const store = new EpisodeStore(ctx.work);
  const show = await store.getShow(ref.showId);
  await advanceEpisode(ctx, ref, order.useStoredScript ? 'synthesising' : 'writing');
  if (!order.useStoredScript) {
    const articles = await store.getArticles(ref.showId, ref.episodeId);
    await prepareEpisode(ctx, show, articles, {
      date: new Date(order.date),
      episodeId: ref.episodeId,
      ...(order.writer ? { writer: order.writer } : {}),
      ...(order.targetMinutes !== undefined ? { targetMinutes: order.targetMinutes } : {}),
      ...(order.voice ? { voice: order.voice } : {}),
    });
  }
  if (order.draft) {
    await recordDraft(ctx, ref);
    // Smart speakers read a text-only item for a draft until its audio exists.
    await publishShowAssets(ctx, show);
    await rebuildFeed(ctx, show);
    return { show, pieces: [], segments: 0 };
  }
  const script = await store.getScript(ref.showId, ref.episodeId);
  const pieces = await planPieces(ctx, show, ref.episodeId, script);
  await advanceEpisode(ctx, ref, 'synthesising', { done: 0, total: pieces.length });
  return { show, pieces, segments: script.segments.length };
}

/** Step 2: renders one piece into the segment cache (a cache hit costs nothing). */
export async function renderPieceStep(ctx: PipelineContext, piece: PlannedPiece, failFast?: PieceFailFast): Promise<RenderedPiece> {
  const rendered = await renderSegment(ctx, piece.request, failFast);
  return { cacheKey: rendered.cacheKey, provider: rendered.provider, voice: rendered.voice, cached: rendered.cached };
}

/** Counts a rendered piece towards the record's "n of m". */
export function pieceRendered(ctx: PipelineContext, ref: EpisodeRef, done: number, total: number): Promise<EpisodeRecord> {
  return advanceEpisode(ctx, ref, 'synthesising', { done, total });
}

/**
 * Step 3: joins the pieces into both renditions and records what was
 * measured. The audio key is content-hashed, so a rerun after a crash rewrites
 * the same object; the record only names it once it is complete.
 */
export async function stitchStep(ctx: PipelineContext, show: ShowConfig, ref: EpisodeRef, results: SegmentRenderResult[]): Promise<EpisodeRecord> {
  await advanceEpisode(ctx, ref, 'stitching');
  await publishShowAssets(ctx, show);
  const { audio, speakerAudio, artwork, layout } = await stitchEpisode(ctx, show, ref.episodeId, results);
  await changeEpisode(ctx, ref, (record) => ({
    ...withLengthWarning(record, audio.durationSeconds),
    audio,
    speakerAudio,
    artwork,
    chapters: layout.chapters,
    segments: layout.segments,
    updatedAt: ctx.now().toISOString(),
  }));
  return advanceEpisode(ctx, ref, 'publishing');
}

/** Step 4: side files, the published record and the feeds; idempotent, so a rerun publishes once. */
export function publishStep(ctx: PipelineContext, show: ShowConfig, ref: EpisodeRef): Promise<EpisodeRecord> {
  return publishEpisode(ctx, show, ref.episodeId);
}
