import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EpisodeArtwork, EpisodeAudio, EpisodeRecord } from '../core/episode.js';
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
import { checkArtwork } from '../config/artwork-check.js';
import { absoluteUrl } from '../feed/urls.js';
import { renderSpeakerRendition, speakerRenditionRefusal, SPEAKER_RENDITION_VERSION } from '../audio/speaker-rendition.js';
import type { ShowAssets } from './show-assets.js';

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
  /** The smart-speaker rendition; absent when the episode is outside Alexa's 10 s to 10 min. */
  speakerAudio?: EpisodeAudio;
  artwork?: EpisodeArtwork;
  layout: EpisodeLayout;
}

/**
 * Joins cached pieces into the episode MP3 by stream copy, with ID3 tags,
 * chapters and cover art, then measures what was actually produced; renders
 * and measures the louder smart-speaker rendition from it.
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
    const { artwork, cover } = await resolveArtwork(ctx, show, record, assets, dir);
    const output = join(dir, 'episode.mp3');
    await ctx.ffmpeg.concatenate(listFile, metadataFile, output, cover);
    // The speaker rendition starts from the pieces' known target level, so it runs beside the podcast
    // measurement instead of after it (both read the finished file; each is measured on its own).
    const refusal = speakerRenditionRefusal(layout.durationSeconds);
    const speakerFile = join(dir, 'speaker.mp3');
    const [loudness, rendition] = await Promise.all([
      ctx.ffmpeg.measureLoudness(output),
      refusal
        ? undefined
        : renderSpeakerRendition(ctx.ffmpeg, output, speakerFile, ctx.encoding, { integratedLufs: ctx.encoding.targetLufs, truePeakDbtp: ctx.encoding.truePeakDb, loudnessRangeLu: 0 }),
    ]);

    // A content-hashed file name: a rebuilt episode gets a new URL, so apps and CDNs never serve stale audio.
    // The cover is inside the file, so a new artwork is a new file too.
    const hash = contentHash(`${layout.pieces.map((piece) => piece.cacheKey).join('|')}${record.title}|${artwork?.url ?? ''}`, 10);
    const audio = await publishAudio(ctx, output, publicKeys.episodeFile(show.id, episodeId, `${show.id}-${episodeId}-${hash}.mp3`), loudness);

    let speakerAudio: EpisodeAudio | undefined;
    if (refusal || !rendition) {
      ctx.logger.info({ showId: show.id, episodeId, reason: refusal }, 'no speaker rendition');
    } else {
      const key = publicKeys.episodeFile(show.id, episodeId, `${show.id}-${episodeId}-${hash}-speaker-${SPEAKER_RENDITION_VERSION}.mp3`);
      speakerAudio = await publishAudio(ctx, speakerFile, key, rendition.loudness);
      ctx.logger.debug({ showId: show.id, episodeId, passes: rendition.passes.length, lufs: rendition.loudness.integratedLufs }, 'speaker rendition');
    }
    return { audio, speakerAudio, artwork, layout };
  });
}

/** Uploads a finished MP3 (immutable under its hashed key) and describes it as measured. */
async function publishAudio(
  ctx: PipelineContext,
  file: string,
  key: string,
  loudness: { integratedLufs: number; truePeakDbtp: number; loudnessRangeLu: number },
): Promise<EpisodeAudio> {
  const [probed, size] = await Promise.all([ctx.ffmpeg.probe(file), stat(file)]);
  await ctx.publish.putFile(key, file, { contentType: 'audio/mpeg', cacheControl: 'public, max-age=31536000, immutable' });
  return {
    key,
    url: ctx.publish.publicUrl(key),
    bytes: size.size,
    mimeType: 'audio/mpeg',
    durationSeconds: probed.durationSeconds,
    integratedLufs: loudness.integratedLufs,
    truePeakDbtp: loudness.truePeakDbtp,
    loudnessRangeLu: loudness.loudnessRangeLu,
  };
}

/**
 * The episode's artwork: the producer's choice (record.artworkSource: a key in
 * work storage, checked and published beside the audio, or an absolute URL),
 * else the show's. Local images are also embedded as the MP3's cover; every
 * image embedded or published is checked against Apple's artwork rules.
 */
async function resolveArtwork(
  ctx: PipelineContext,
  show: ShowConfig,
  record: EpisodeRecord,
  assets: ShowAssets,
  dir: string,
): Promise<{ artwork?: EpisodeArtwork; cover?: string }> {
  const source = record.artworkSource;
  if (source && !absoluteUrl(source)) {
    const bytes = await ctx.work.get(source);
    const info = checkArtwork(bytes, source);
    const key = publicKeys.episodeFile(show.id, record.id, `artwork-${contentHash(bytes, 12)}.${info.type}`);
    if (!(await ctx.publish.head(key))) {
      await ctx.publish.put(key, bytes, { contentType: info.mimeType, cacheControl: 'public, max-age=31536000, immutable' });
    }
    const cover = join(dir, `cover.${info.type}`);
    await writeFile(cover, bytes);
    return { artwork: { url: ctx.publish.publicUrl(key), key }, cover };
  }
  let cover: string | undefined;
  if (assets.artworkKey) {
    const bytes = await ctx.publish.get(assets.artworkKey);
    const info = checkArtwork(bytes, show.artwork ?? assets.artworkKey);
    cover = join(dir, `cover.${info.type}`);
    await writeFile(cover, bytes);
  }
  if (source) return { artwork: { url: absoluteUrl(source)! }, cover };
  return { artwork: assets.artworkUrl ? { url: assets.artworkUrl, ...(assets.artworkKey ? { key: assets.artworkKey } : {}) } : undefined, cover };
}
