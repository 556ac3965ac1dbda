import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHash } from '../core/hash.js';
import { encodingFingerprint } from '../audio/encode-settings.js';
import type { PipelineContext } from './context.js';
import { readPieceInfo, storePiece, type PieceInfo } from './render-segment.js';
import { withScratchDir } from './scratch.js';

/** Pauses are cached pieces too: rendered once per length and format. */
export async function renderSilencePiece(ctx: PipelineContext, milliseconds: number): Promise<PieceInfo> {
  const cacheKey = `silence-${milliseconds}-${contentHash(encodingFingerprint(ctx.encoding), 12)}`;
  const existing = await readPieceInfo(ctx, cacheKey);
  if (existing) return existing;
  return withScratchDir(ctx.scratchDir, async (dir) => {
    const output = join(dir, 'silence.mp3');
    await ctx.ffmpeg.renderSilence(milliseconds, output, ctx.encoding);
    return storePiece(ctx, cacheKey, output);
  });
}

/** Intro or outro music from a local file, mastered to the episode format and cached by the file's content. */
export async function renderMusicPiece(ctx: PipelineContext, path: string, gainDb: number): Promise<PieceInfo> {
  const bytes = await readFile(path);
  const cacheKey = `music-${contentHash(Buffer.concat([bytes, Buffer.from(`${gainDb}|${encodingFingerprint(ctx.encoding)}`)]))}`;
  const existing = await readPieceInfo(ctx, cacheKey);
  if (existing) return existing;
  return withScratchDir(ctx.scratchDir, async (dir) => {
    const output = join(dir, 'music.mp3');
    await ctx.ffmpeg.masterSpeech([path], output, ctx.encoding, gainDb);
    return storePiece(ctx, cacheKey, output);
  });
}
