import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHash, stableStringify } from '../core/hash.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { encodingFingerprint, framesToSeconds } from '../audio/encode-settings.js';
import { workKeys } from '../storage/keys.js';
import { splitText } from '../tts/split-text.js';
import type { PipelineContext } from './context.js';
import { withScratchDir } from './scratch.js';

/**
 * A segment's audio is a finished MP3 piece in the content cache, independent
 * of any episode: the same story told in many episodes is synthesised once.
 */
export interface SegmentRenderRequest {
  text: string;
  provider: string;
  voice: string;
  speed: number;
  options?: Record<string, unknown>;
}

export interface PieceInfo {
  cacheKey: string;
  frames: number;
  durationSeconds: number;
}

export interface RenderedSegment extends PieceInfo {
  /** True when the piece was already in the cache. */
  cached: boolean;
}

export async function segmentCacheKey(ctx: PipelineContext, request: SegmentRenderRequest): Promise<string> {
  const provider = await ctx.providers.get(request.provider);
  return contentHash(
    stableStringify({
      engine: provider.engineId,
      provider: request.provider,
      voice: request.voice,
      speed: request.speed,
      options: request.options ?? {},
      text: request.text,
      encoding: encodingFingerprint(ctx.encoding),
    }),
  );
}

/** Reads a cached piece's info; null when the piece is missing or incomplete. */
export async function readPieceInfo(ctx: PipelineContext, cacheKey: string): Promise<PieceInfo | null> {
  const [info, audio] = await Promise.all([ctx.work.head(workKeys.segmentInfo(cacheKey)), ctx.work.head(workKeys.segmentAudio(cacheKey))]);
  if (!info || !audio) return null;
  return JSON.parse(Buffer.from(await ctx.work.get(workKeys.segmentInfo(cacheKey))).toString('utf8')) as PieceInfo;
}

/** Masters a local audio file set into the cache; the info JSON is written last and marks the piece complete. */
export async function storePiece(ctx: PipelineContext, cacheKey: string, mp3Path: string): Promise<PieceInfo> {
  const frames = await ctx.ffmpeg.countFrames(mp3Path);
  const info: PieceInfo = { cacheKey, frames, durationSeconds: framesToSeconds(frames, ctx.encoding) };
  await ctx.work.putFile(workKeys.segmentAudio(cacheKey), mp3Path, { contentType: 'audio/mpeg' });
  await ctx.work.put(workKeys.segmentInfo(cacheKey), JSON.stringify(info), { contentType: 'application/json' });
  return info;
}

export async function renderSegment(ctx: PipelineContext, request: SegmentRenderRequest): Promise<RenderedSegment> {
  if (!request.text.trim()) {
    throw new BriefcastError(ErrorCodes.SCRIPT_INVALID, 'a segment has no text to speak');
  }
  const cacheKey = await segmentCacheKey(ctx, request);
  const existing = await readPieceInfo(ctx, cacheKey);
  if (existing) return { ...existing, cached: true };

  const provider = await ctx.providers.get(request.provider);
  const chunks = splitText(request.text, provider.limits.maxCharacters);
  return withScratchDir(ctx.scratchDir, async (dir) => {
    const inputs: string[] = [];
    for (const [index, chunk] of chunks.entries()) {
      const result = await provider.synthesize({ text: chunk, voice: request.voice, speed: request.speed, options: request.options });
      for (const warning of result.warnings ?? []) ctx.logger.warn({ provider: provider.name }, warning);
      const path = join(dir, `chunk-${index}.${result.format === 'pcm_s16le' ? 'wav' : result.format}`);
      await writeFile(path, result.format === 'pcm_s16le' ? pcmToWav(result.audio, result.sampleRate ?? 24_000) : result.audio);
      inputs.push(path);
    }
    const output = join(dir, 'piece.mp3');
    await ctx.ffmpeg.masterSpeech(inputs, output, ctx.encoding);
    return { ...(await storePiece(ctx, cacheKey, output)), cached: false };
  });
}

/** Wraps raw 16-bit mono PCM in a WAV header so ffmpeg knows its rate. */
function pcmToWav(pcm: Uint8Array, sampleRate: number): Uint8Array {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + pcm.byteLength, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(pcm.byteLength, 40);
  return Buffer.concat([header, pcm]);
}
