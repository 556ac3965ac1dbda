import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { countMp3Frames } from '../audio/mp3-frames.js';
import { framesToSeconds } from '../audio/encode-settings.js';
import type { PieceAnalysis } from '../audio/ffmpeg.js';
import { combineLoudness, encodeEnergies } from '../audio/loudness-blocks.js';
import { SAMPLES_PER_MP3_FRAME } from '../audio/encode-settings.js';
import { bestSpeakerPass, firstSpeakerPass, nextSpeakerPass, passAccepted, type MeasuredPass } from '../audio/speaker-rendition.js';
import { workKeys } from '../storage/keys.js';
import type { PipelineContext } from './context.js';

/**
 * A finished piece of the cache: the podcast MP3, its speaker twin, and what
 * the episode needs to know of both without decoding them again (frame count,
 * per-frame K-weighted energies, true peak).
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
 * Masters audio inputs into both pieces (one ffmpeg run), decodes both in one run
 * to measure them, and re-renders only the twin when it missed the speaker
 * target (rare: a later pass follows the measured slope). The info JSON is
 * written last and marks the piece complete.
 */
export async function masterPiece(ctx: PipelineContext, cacheKey: string, inputs: string[], dir: string, levelOffsetLu = 0): Promise<PieceInfo> {
  const podcast = join(dir, 'piece.mp3');
  const twin = (pass: number) => join(dir, `speaker-${pass}.mp3`);
  let pass = firstSpeakerPass(ctx.encoding.targetLufs);
  await ctx.ffmpeg.masterSpeech(inputs, { podcast, speaker: { path: twin(0), pass } }, ctx.encoding, levelOffsetLu);
  // One decoder process measures both renditions.
  const [podcastAnalysis, firstTwin] = await ctx.ffmpeg.analysePieces([podcast, twin(0)], ctx.encoding);
  const analyses: PieceAnalysis[] = [firstTwin!];
  const passes: MeasuredPass[] = [measuredPass(ctx, pass, firstTwin!)];
  while (!passAccepted(passes.at(-1)!)) {
    const next = nextSpeakerPass(passes);
    if (!next) break;
    pass = next;
    await ctx.ffmpeg.masterSpeech(inputs, { speaker: { path: twin(passes.length), pass } }, ctx.encoding, levelOffsetLu);
    const [analysis] = await ctx.ffmpeg.analysePieces([twin(passes.length)], ctx.encoding);
    analyses.push(analysis!);
    passes.push(measuredPass(ctx, pass, analysis!));
  }
  const best = bestSpeakerPass(passes);
  const frames = countMp3Frames(await readFile(podcast));
  const twinFrames = countMp3Frames(await readFile(twin(best)));
  if (twinFrames !== frames) {
    throw new BriefcastError(ErrorCodes.FFMPEG_FAILED, `the speaker twin has ${twinFrames} frames where the piece has ${frames}`, { subject: cacheKey });
  }
  await ctx.work.putFile(speakerPieceKey(cacheKey), twin(best), { contentType: 'audio/mpeg' });
  return storePiece(ctx, cacheKey, podcast, frames, podcastAnalysis!, { ...pieceLoudness(analyses[best]!), passes: passes.length });
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

function measuredPass(ctx: PipelineContext, pass: { gainDb: number; ceilingDb: number }, analysis: PieceAnalysis): MeasuredPass {
  const { integratedLufs } = combineLoudness([analysis], ctx.encoding.sampleRate, SAMPLES_PER_MP3_FRAME);
  const seconds = (analysis.energies.length * SAMPLES_PER_MP3_FRAME) / ctx.encoding.sampleRate;
  return { ...pass, seconds, integratedLufs, truePeakDbtp: analysis.truePeakDbtp };
}
