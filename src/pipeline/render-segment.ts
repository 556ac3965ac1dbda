import { pcm16MonoWav } from '../audio/wav.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHash, stableStringify } from '../core/hash.js';
import { BriefcastError, ErrorCodes, isBriefcastError } from '../core/errors.js';
import type { SegmentKind } from '../core/types.js';
import { encodingFingerprint } from '../audio/encode-settings.js';
import type { Lexicon } from '../tts/lexicon.js';
import { planSegment, type SegmentPlan } from '../tts/segment-plan.js';
import type { VoiceChoice } from '../tts/segment-voices.js';
import { synthesizeChunks } from '../tts/synthesize-text.js';
import type { PipelineContext } from './context.js';
import { withScratchDir } from './scratch.js';
import { masterPiece, readPieceInfo, type PieceInfo } from './master-piece.js';

export { readPieceInfo, type PieceInfo } from './master-piece.js';

/**
 * A segment's audio is a finished MP3 piece in the content cache, independent
 * of any episode: the same story told in many episodes is synthesised once.
 * The key covers provider, engine, model, voice, speed, options and the exact
 * text sent (SSML or respelled), so changing any of them re-synthesises.
 */
export interface SegmentRenderRequest {
  text: string;
  provider: string;
  voice: string;
  speed: number;
  options?: Record<string, unknown>;
  /** Vendor model or engine; the provider's default when omitted. */
  model?: string;
  /** Shapes the SSML (a story's first sentence is its headline). */
  kind?: SegmentKind;
  /** Reads quotations inside a story. */
  quotes?: VoiceChoice;
  /** Voices tried in order when this one's provider is down after its retries. */
  fallback?: VoiceChoice[];
  lexicon?: Lexicon;
  language?: string;
}

export interface RenderedSegment extends PieceInfo {
  /** True when the piece was already in the cache. */
  cached: boolean;
  /** Who actually spoke: the fallback voice when the primary's provider was down. */
  provider: string;
  voice: string;
}

/** The voices to try, in order: the requested one (with its quotes voice), then the fallback chain. */
export function candidateVoices(request: SegmentRenderRequest): Array<{ narrator: VoiceChoice; quotes?: VoiceChoice }> {
  const primary: VoiceChoice = { provider: request.provider, voice: request.voice, speed: request.speed, model: request.model, options: request.options };
  return [{ narrator: primary, quotes: request.quotes }, ...(request.fallback ?? []).map((narrator) => ({ narrator }))];
}

export function planRequest(ctx: PipelineContext, request: SegmentRenderRequest, candidate = candidateVoices(request)[0]!): Promise<SegmentPlan> {
  return planSegment(ctx.providers, request, candidate.narrator, candidate.quotes);
}

export function planCacheKey(ctx: PipelineContext, plan: SegmentPlan): string {
  return contentHash(stableStringify({ ...plan.keyMaterial, encoding: encodingFingerprint(ctx.encoding) }));
}

/** The cache key of the requested voice (not of a fallback). */
export async function segmentCacheKey(ctx: PipelineContext, request: SegmentRenderRequest): Promise<string> {
  return planCacheKey(ctx, await planRequest(ctx, request));
}

/**
 * The pieces of one build, failing fast together: once one piece's failure ends
 * the episode, a piece still waiting for an engine slot makes no call (to a
 * paid vendor, say), and calls in flight are aborted.
 */
export interface PieceFailFast {
  signal: AbortSignal;
  /** This piece failed, and no other voice takes over: the scope decides whether that ends the episode. */
  fail(error: unknown): void;
}

export async function renderSegment(ctx: PipelineContext, request: SegmentRenderRequest, failFast?: PieceFailFast): Promise<RenderedSegment> {
  if (!request.text.trim()) {
    throw new BriefcastError(ErrorCodes.SCRIPT_INVALID, 'a segment has no text to speak');
  }
  const candidates = candidateVoices(request);
  for (const [index, candidate] of candidates.entries()) {
    const noVoiceLeft = (error: unknown) => index === candidates.length - 1 || !providerDown(error);
    const speaker = { provider: candidate.narrator.provider, voice: candidate.narrator.voice };
    try {
      // Planning loads the provider: an engine this machine lacks fails here, and a fallback voice may take over.
      const plan = await planRequest(ctx, request, candidate);
      const cacheKey = planCacheKey(ctx, plan);
      const existing = await readPieceInfo(ctx, cacheKey);
      if (existing) return { ...existing, cached: true, ...speaker };
      // A failure the next voice can take over from does not end the episode.
      const scope = failFast && { signal: failFast.signal, fail: (error: unknown) => (noVoiceLeft(error) ? failFast.fail(error) : undefined) };
      return { ...(await synthesisePlan(ctx, plan, cacheKey, scope)), cached: false, ...speaker };
    } catch (error) {
      if (noVoiceLeft(error)) throw error;
      const next = candidates[index + 1]!.narrator;
      ctx.logger.warn({ err: error, provider: speaker.provider, fallback: next.provider }, 'TTS provider failed after retries; using the next voice');
    }
  }
  throw new BriefcastError(ErrorCodes.INTERNAL, 'no voice to try');
}

/**
 * Failures of the provider rather than of the request: an outage, rate limits
 * that outlasted the retries, or the account (bad key, quota spent). An unknown
 * voice or refused text is the show's to fix, so it surfaces instead of being
 * papered over by a different voice.
 */
function providerDown(error: unknown): boolean {
  return (
    isBriefcastError(error, ErrorCodes.TTS_FAILED) ||
    isBriefcastError(error, ErrorCodes.TTS_RATE_LIMITED) ||
    isBriefcastError(error, ErrorCodes.TTS_AUTH) ||
    // An offline engine or voice package this machine does not have (see local-engine-run.ts).
    (isBriefcastError(error) && error.details?.['engineMissing'] === true)
  );
}

async function synthesisePlan(ctx: PipelineContext, plan: SegmentPlan, cacheKey: string, failFast?: PieceFailFast): Promise<PieceInfo> {
  return withScratchDir(ctx.scratchDir, async (dir) => {
    // Announced before synthesis, so the masterer knows whether more pieces are on their way.
    const arrival = ctx.mastering.announce();
    let inputs: string[];
    try {
      // Only the file names outlive synthesis: a piece waiting for its mastering batch holds no audio in memory.
      inputs = await synthesiseToFiles(ctx, plan, dir, failFast);
    } catch (error) {
      arrival.cancelled();
      throw error;
    }
    return masterPiece(ctx, cacheKey, inputs, dir, 0, arrival);
  });
}

async function synthesiseToFiles(ctx: PipelineContext, plan: SegmentPlan, dir: string, failFast?: PieceFailFast): Promise<string[]> {
  const inputs: string[] = [];
  for (const run of plan.runs) {
    const { choice, provider } = run;
    const results = await ctx.synthesisSlots.run(async () => {
      // Checked once the slot is free: the piece may have waited for it while another piece failed the episode.
      failFast?.signal.throwIfAborted();
      try {
        return await synthesizeChunks(provider, run.chunks, { ...choice, signal: failFast?.signal }, ctx.providers.synthesis);
      } catch (error) {
        // Told before the slot passes to the next piece, so that piece sees the episode has failed.
        failFast?.fail(error);
        throw error;
      }
    });
    for (const result of results) {
      for (const warning of result.warnings ?? []) ctx.logger.warn({ provider: provider.name }, warning);
      const path = join(dir, `chunk-${inputs.length}.${result.format === 'pcm_s16le' ? 'wav' : result.format}`);
      await writeFile(path, result.format === 'pcm_s16le' ? pcm16MonoWav(result.audio, result.sampleRate ?? 24_000) : result.audio);
      inputs.push(path);
    }
  }
  return inputs;
}
