import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EpisodeAudio } from '../core/episode.js';
import { contentHash } from '../core/hash.js';
import type { ShowConfig } from '../config/show-config.js';
import { concatListLine, writeFfmetadata } from '../audio/ffmpeg.js';
import { layoutEpisode, type EpisodeLayout, type LaidOutSegment, type TimedPiece } from '../audio/episode-layout.js';
import { publicKeys, workKeys } from '../storage/keys.js';
import type { PipelineContext } from './context.js';
import { EpisodeStore } from './episode-store.js';
import { readPieceInfo } from './render-segment.js';
import { renderMusicPiece, renderSilencePiece } from './render-pieces.js';
import { withScratchDir } from './scratch.js';
import { readShowAssets } from './show-assets.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';

/** What the synthesis step reports per script segment; the stitcher reads the pieces from the cache. */
export interface SegmentRenderResult {
  segmentId: string;
  cacheKey: string;
  provider: string;
  voice: string;
  cached: boolean;
}

export interface StitchResult {
  audio: EpisodeAudio;
  layout: EpisodeLayout;
}

/**
 * Joins cached pieces into the episode MP3 by stream copy, with ID3 tags,
 * chapters and cover art, then measures what was actually produced.
 */
export async function stitchEpisode(
  ctx: PipelineContext,
  show: ShowConfig,
  episodeId: string,
  results: SegmentRenderResult[],
): Promise<StitchResult> {
  const store = new EpisodeStore(ctx.work);
  const [script, record, assets] = await Promise.all([
    store.getScript(show.id, episodeId),
    store.getEpisode(show.id, episodeId),
    readShowAssets(ctx, show.id),
  ]);
  const byId = new Map(results.map((result) => [result.segmentId, result]));
  const segments: LaidOutSegment[] = [];
  for (const segment of script.segments) {
    const result = byId.get(segment.id);
    const piece = result ? await readPieceInfo(ctx, result.cacheKey) : null;
    if (!result || !piece) {
      throw new BriefcastError(ErrorCodes.INTERNAL, 'segment audio missing from the cache', { subject: segment.id, retryable: true });
    }
    segments.push({ segment, piece, provider: result.provider, voice: result.voice, cached: result.cached });
  }

  const silences = new Map<number, TimedPiece>();
  for (const ms of new Set([show.pauses.segmentMs, show.pauses.storyMs])) if (ms > 0) silences.set(ms, await renderSilencePiece(ctx, ms));
  const music = {
    intro: show.music?.intro ? await renderMusicPiece(ctx, show.music.intro, show.music.gainDb) : undefined,
    outro: show.music?.outro ? await renderMusicPiece(ctx, show.music.outro, show.music.gainDb) : undefined,
  };
  const layout = layoutEpisode({ segments, silence: (ms) => silences.get(ms)!, pauses: show.pauses, music });

  return withScratchDir(ctx.scratchDir, async (dir) => {
    const local = new Map<string, string>();
    for (const piece of layout.pieces) {
      if (local.has(piece.cacheKey)) continue;
      const path = join(dir, `${piece.cacheKey}.mp3`);
      await ctx.work.getToFile(workKeys.segmentAudio(piece.cacheKey), path);
      local.set(piece.cacheKey, path);
    }
    const listFile = join(dir, 'pieces.txt');
    await writeFile(listFile, `${layout.pieces.map((piece) => concatListLine(local.get(piece.cacheKey)!)).join('\n')}\n`);
    const metadataFile = join(dir, 'metadata.txt');
    await writeFfmetadata(
      metadataFile,
      { title: record.title, artist: show.author, album: show.title, date: script.date, genre: 'Podcast', comment: record.description },
      layout.chapters,
    );
    let cover: string | undefined;
    if (assets.artworkKey) {
      cover = join(dir, `cover${assets.artworkKey.slice(assets.artworkKey.lastIndexOf('.'))}`);
      await ctx.publish.getToFile(assets.artworkKey, cover);
    }
    const output = join(dir, 'episode.mp3');
    await ctx.ffmpeg.concatenate(listFile, metadataFile, output, cover);
    const [loudness, probed, size] = await Promise.all([ctx.ffmpeg.measureLoudness(output), ctx.ffmpeg.probe(output), stat(output)]);

    // A content-hashed file name: a rebuilt episode gets a new URL, so apps and CDNs never serve stale audio.
    const hash = contentHash(layout.pieces.map((piece) => piece.cacheKey).join('|') + record.title, 10);
    const key = publicKeys.episodeFile(show.id, episodeId, `${show.id}-${episodeId}-${hash}.mp3`);
    await ctx.publish.putFile(key, output, { contentType: 'audio/mpeg', cacheControl: 'public, max-age=31536000, immutable' });
    const audio: EpisodeAudio = {
      key,
      url: ctx.publish.publicUrl(key),
      bytes: size.size,
      mimeType: 'audio/mpeg',
      durationSeconds: probed.durationSeconds,
      integratedLufs: loudness.integratedLufs,
      truePeakDbtp: loudness.truePeakDbtp,
      loudnessRangeLu: loudness.loudnessRangeLu,
    };
    return { audio, layout };
  });
}
