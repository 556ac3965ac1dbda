import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentHash } from '../core/hash.js';
import { encodingFingerprint } from '../audio/encode-settings.js';
import type { PipelineContext } from './context.js';
import { masterPiece, readPieceInfo, storeSilencePiece, type PieceInfo } from './master-piece.js';
import { withScratchDir } from './scratch.js';

/** Pauses are cached pieces too: rendered once per length and format. */
export async function renderSilencePiece(ctx: PipelineContext, milliseconds: number): Promise<PieceInfo> {
  const cacheKey = `silence-${milliseconds}-${contentHash(encodingFingerprint(ctx.encoding), 12)}`;
  const existing = await readPieceInfo(ctx, cacheKey);
  if (existing) return existing;
  return withScratchDir(ctx.scratchDir, async (dir) => {
    const output = join(dir, 'silence.mp3');
    await ctx.ffmpeg.renderSilence(milliseconds, output, ctx.encoding);
    return storeSilencePiece(ctx, cacheKey, output);
  });
}

/**
 * Intro or outro music from a local file, mastered to the episode format and
 * cached by the file's content: it plays at the speech target plus `gainDb`.
 */
export async function renderMusicPiece(ctx: PipelineContext, path: string, gainDb: number): Promise<PieceInfo> {
  const bytes = await readFile(path);
  const cacheKey = `music-${contentHash(Buffer.concat([bytes, Buffer.from(`${gainDb}|${encodingFingerprint(ctx.encoding)}`)]))}`;
  const existing = await readPieceInfo(ctx, cacheKey);
  if (existing) return existing;
  return withScratchDir(ctx.scratchDir, async (dir) => {
    return masterPiece(ctx, cacheKey, [path], dir, gainDb);
  });
}
