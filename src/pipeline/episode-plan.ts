import type { ShowConfig } from '../config/show-config.js';
import type { ScriptDocument } from '../core/types.js';
import type { PipelineContext } from './context.js';
import { episodeVoicePick, segmentRequest } from './episode-steps.js';
import { segmentCacheKey, type SegmentRenderRequest } from './render-segment.js';
import type { SegmentRenderResult } from './stitch-episode.js';

/** One distinct piece of audio to render; script segments with equal requests share it. */
export interface PlannedPiece {
  cacheKey: string;
  request: SegmentRenderRequest;
  segmentIds: string[];
}

/** What a rendered piece reports back, whichever executor rendered it. */
export type RenderedPiece = Omit<SegmentRenderResult, 'segmentId'>;

/**
 * Turns a script into the pieces to render, de-duplicated by cache key,
 * longest text first: the engines start on the long stories, so the last to
 * finish are short transitions and no core waits for one long piece at the
 * end. Both executors render exactly these pieces in this order (the queue
 * takes them first in, first out); the stitch plan is `stitchInputs`, which
 * maps them back onto the script's segments.
 */
export async function planPieces(ctx: PipelineContext, show: ShowConfig, episodeId: string, script: ScriptDocument): Promise<PlannedPiece[]> {
  // Under `auto`, the engines the episode recorded at submit.
  const pick = await episodeVoicePick(ctx, show, episodeId);
  const pieces = new Map<string, PlannedPiece>();
  for (const segment of script.segments) {
    const request = segmentRequest(show, segment, pick);
    const cacheKey = await segmentCacheKey(ctx, request);
    const piece = pieces.get(cacheKey) ?? { cacheKey, request, segmentIds: [] };
    piece.segmentIds.push(segment.id);
    pieces.set(cacheKey, piece);
  }
  // Stable: pieces of equal length keep script order.
  return [...pieces.values()].sort((a, b) => b.request.text.length - a.request.text.length);
}

/** The stitcher's input: one result per script segment, from the pieces as they were rendered (in any order). */
export function stitchInputs(rendered: Array<{ segmentIds: string[]; result: RenderedPiece }>): SegmentRenderResult[] {
  return rendered.flatMap(({ segmentIds, result }) => segmentIds.map((segmentId) => ({ segmentId, ...result })));
}
