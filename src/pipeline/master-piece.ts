import { readFile } from 'node:fs/promises';
import { countMp3Frames } from '../audio/mp3-frames.js';
import { framesToSeconds } from '../audio/encode-settings.js';
import type { PieceArrival } from '../audio/piece-masterer.js';
import type { PieceAnalysis } from '../audio/sample-analysis.js';
import { encodeEnergies } from '../audio/loudness-blocks.js';
import { workKeys } from '../storage/keys.js';
import type { PipelineContext } from './context.js';

/**
 * A finished piece of the cache: the podcast MP3, its speaker twin (the same
 * frames one lossless gain step louder), and what the episode needs to know of
 * both without decoding them again (frame count, per-frame K-weighted
 * energies, true peak).
 */
export interface PieceLoudness {
  /** Base64 of one 32-bit float per MP3 frame (see loudness-blocks.ts). */
  energies: string;
  truePeakDbtp: number | null;
}

export interface PieceInfo {
  cacheKey: string;
  frames: number;
  durationSeconds: number;
  loudness: PieceLoudness;
  /** The speaker twin (same frames); absent when the piece is the same in both renditions (silence). */
  speaker?: PieceLoudness & { passes: number };
}

/** Work-storage key of a piece's speaker twin. */
export function speakerPieceKey(cacheKey: string): string {
  return workKeys.segmentAudio(`${cacheKey}-speaker`);
}

/** Reads a cached piece's info; null when the piece is missing or incomplete. */
export async function readPieceInfo(ctx: PipelineContext, cacheKey: string): Promise<PieceInfo | null> {
  const [info, audio] = await Promise.all([ctx.work.head(workKeys.segmentInfo(cacheKey)), ctx.work.head(workKeys.segmentAudio(cacheKey))]);
  if (!info || !audio) return null;
  const parsed = JSON.parse(Buffer.from(await ctx.work.get(workKeys.segmentInfo(cacheKey))).toString('utf8')) as PieceInfo;
  if (parsed.speaker && !(await ctx.work.head(speakerPieceKey(cacheKey)))) return null;
  return parsed;
}

/**
 * Masters audio inputs into the podcast piece and its speaker twin (batched
 * with other pieces waiting, see piece-masterer.ts) and stores both with what
 * was measured. The info JSON is written last and marks the piece complete.
 */
export async function masterPiece(ctx: PipelineContext, cacheKey: string, inputs: string[], dir: string, levelOffsetLu = 0, arrival?: PieceArrival): Promise<PieceInfo> {
  const mastered = await ctx.mastering.master({ inputs, dir, settings: ctx.encoding, levelOffsetLu }, arrival);
  if (mastered.twinGainSteps === 0 && mastered.podcastAnalysis.truePeakDbtp !== null) {
    ctx.logger.warn({ cacheKey, truePeakDbtp: mastered.podcastAnalysis.truePeakDbtp }, 'piece kept too little peak headroom: its speaker twin is not raised');
  }
  if (mastered.twinRiddenFrames > 0) ctx.logger.debug({ cacheKey, frames: mastered.frames, riddenFrames: mastered.twinRiddenFrames }, 'speaker twin rides the peaks of a few frames');
  await ctx.work.putFile(speakerPieceKey(cacheKey), mastered.speaker, { contentType: 'audio/mpeg' });
  return storePiece(ctx, cacheKey, mastered.podcast, mastered.frames, mastered.podcastAnalysis, { ...pieceLoudness(mastered.speakerAnalysis), passes: mastered.passes });
}

/** Digital silence is its own twin and has no energy: nothing to decode. */
export async function storeSilencePiece(ctx: PipelineContext, cacheKey: string, mp3Path: string): Promise<PieceInfo> {
  const frames = countMp3Frames(await readFile(mp3Path));
  return storePiece(ctx, cacheKey, mp3Path, frames, { energies: new Float64Array(frames), truePeakDbtp: null });
}

async function storePiece(
  ctx: PipelineContext,
  cacheKey: string,
  mp3Path: string,
  frames: number,
  analysis: PieceAnalysis,
  speaker?: PieceInfo['speaker'],
): Promise<PieceInfo> {
  const info: PieceInfo = {
    cacheKey,
    frames,
    durationSeconds: framesToSeconds(frames, ctx.encoding),
    loudness: pieceLoudness(analysis),
    ...(speaker ? { speaker } : {}),
  };
  await ctx.work.putFile(workKeys.segmentAudio(cacheKey), mp3Path, { contentType: 'audio/mpeg' });
  await ctx.work.put(workKeys.segmentInfo(cacheKey), JSON.stringify(info), { contentType: 'application/json' });
  return info;
}

function pieceLoudness(analysis: PieceAnalysis): PieceLoudness {
  return { energies: encodeEnergies(analysis.energies), truePeakDbtp: analysis.truePeakDbtp };
}
