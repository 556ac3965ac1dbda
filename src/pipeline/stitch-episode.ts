import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EpisodeArtwork, EpisodeAudio, EpisodeRecord } from '../core/episode.js';
import { contentHash } from '../core/hash.js';
import type { ShowConfig } from '../config/show-config.js';
import { writeEpisodeFile, type Id3Tags } from '../audio/episode-file.js';
import { layoutEpisode, type EpisodeLayout, type LaidOutSegment, type TimedPiece } from '../audio/episode-layout.js';
import { publicKeys, workKeys } from '../storage/keys.js';
import type { PipelineContext } from './context.js';
import { EpisodeStore } from './episode-store.js';
import { readPieceInfo, speakerPieceKey, type PieceInfo, type PieceLoudness } from './master-piece.js';
import { renderMusicPiece, renderSilencePiece } from './render-pieces.js';
import { withScratchDir } from './scratch.js';
import { readShowAssets } from './show-assets.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { checkArtwork } from '../config/artwork-check.js';
import { absoluteUrl } from '../feed/urls.js';
import { speakerRenditionRefusal, speakerTarget, SPEAKER_RENDITION_VERSION } from '../audio/speaker-rendition.js';
import { combineLoudness, decodeEnergies } from '../audio/loudness-blocks.js';
import { SAMPLES_PER_MP3_FRAME } from '../audio/encode-settings.js';
import { mapConcurrent } from '../core/map-concurrent.js';
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
 * chapters and cover art, and their speaker twins into the smart-speaker
 * rendition the same way. Loudness, true peak and duration come from what the
 * pieces measured when they were made, so a rebuild decodes nothing it did not change.
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
  const infos = new Map<string, PieceInfo>();
  for (const segment of script.segments) {
    const result = byId.get(segment.id);
    const piece = result ? await readPieceInfo(ctx, result.cacheKey) : null;
    if (!result || !piece) {
      throw new BriefcastError(ErrorCodes.INTERNAL, 'segment audio missing from the cache', { subject: segment.id, retryable: true });
    }
    segments.push({ segment, piece, provider: result.provider, voice: result.voice, cached: result.cached });
    infos.set(piece.cacheKey, piece);
  }

  const known = (piece: PieceInfo): PieceInfo => (infos.set(piece.cacheKey, piece), piece);
  const silences = new Map<number, TimedPiece>();
  // Both pause lengths at once: each is an ffmpeg run the first time (then cached).
  const pauses = [...new Set([show.pauses.segmentMs, show.pauses.storyMs])].filter((ms) => ms > 0);
  const rendered = await Promise.all(pauses.map((ms) => renderSilencePiece(ctx, ms)));
  pauses.forEach((ms, index) => silences.set(ms, known(rendered[index]!)));
  const music = {
    intro: show.music?.intro ? known(await renderMusicPiece(ctx, show.music.intro, show.music.gainDb)) : undefined,
    outro: show.music?.outro ? known(await renderMusicPiece(ctx, show.music.outro, show.music.gainDb)) : undefined,
  };
  const layout = layoutEpisode({ segments, silence: (ms) => silences.get(ms)!, pauses: show.pauses, music });

  return withScratchDir(ctx.scratchDir, async (dir) => {
    const refusal = speakerRenditionRefusal(layout.durationSeconds);
    const podcastFiles = new Map<string, string>();
    const speakerFiles = new Map<string, string>();
    await mapConcurrent([...infos.values()], 4, async (info) => {
      const path = join(dir, `${info.cacheKey}.mp3`);
      await ctx.work.getToFile(workKeys.segmentAudio(info.cacheKey), path);
      podcastFiles.set(info.cacheKey, path);
      if (refusal) return;
      if (!info.speaker) return void speakerFiles.set(info.cacheKey, path);
      const twin = join(dir, `${info.cacheKey}-speaker.mp3`);
      await ctx.work.getToFile(speakerPieceKey(info.cacheKey), twin);
      speakerFiles.set(info.cacheKey, twin);
    });
    const tags: Id3Tags = { title: record.title, artist: show.author, album: show.title, date: script.date, genre: 'Podcast', comment: record.description };
    const { artwork, cover } = await resolveArtwork(ctx, show, record, assets, dir);
    const output = join(dir, 'episode.mp3');
    const speakerFile = join(dir, 'speaker.mp3');
    // Both renditions are copies of finished pieces with the same frames, so their chapters line up exactly.
    const inOrder = (files: Map<string, string>) => layout.pieces.map((piece) => files.get(piece.cacheKey)!);
    await Promise.all([
      writeEpisodeFile(inOrder(podcastFiles), output, tags, layout.chapters, cover),
      refusal ? undefined : writeEpisodeFile(inOrder(speakerFiles), speakerFile, tags, layout.chapters),
    ]);
    const ordered = layout.pieces.map((piece) => infos.get(piece.cacheKey)!);
    const loudness = episodeLoudness(ctx, ordered.map((info) => info.loudness));

    // A content-hashed file name: a rebuilt episode gets a new URL, so apps and CDNs never serve stale audio.
    // The cover is inside the file, so a new artwork is a new file too.
    const hash = contentHash(`${layout.pieces.map((piece) => piece.cacheKey).join('|')}${record.title}|${artwork?.url ?? ''}`, 10);
    const audio = await publishAudio(ctx, output, publicKeys.episodeFile(show.id, episodeId, `${show.id}-${episodeId}-${hash}.mp3`), loudness, layout.durationSeconds);

    let speakerAudio: EpisodeAudio | undefined;
    if (refusal) {
      ctx.logger.info({ showId: show.id, episodeId, reason: refusal }, 'no speaker rendition');
    } else {
      const speakerLoudness = episodeLoudness(ctx, ordered.map((info) => info.speaker ?? info.loudness));
      if (Math.abs(speakerLoudness.integratedLufs - speakerTarget.integratedLufs) > speakerTarget.toleranceLu || speakerLoudness.truePeakDbtp > speakerTarget.truePeakDbtp) {
        ctx.logger.warn({ showId: show.id, episodeId, lufs: speakerLoudness.integratedLufs, truePeak: speakerLoudness.truePeakDbtp }, 'speaker rendition outside its targets');
      }
      const key = publicKeys.episodeFile(show.id, episodeId, `${show.id}-${episodeId}-${hash}-speaker-${SPEAKER_RENDITION_VERSION}.mp3`);
      speakerAudio = await publishAudio(ctx, speakerFile, key, speakerLoudness, layout.durationSeconds);
    }
    return { audio, speakerAudio, artwork, layout };
  });
}

/** The episode's loudness from its pieces' cached energies and true peaks: nothing is decoded again. */
function episodeLoudness(ctx: PipelineContext, pieces: PieceLoudness[]): EpisodeLoudness {
  const combined = combineLoudness(pieces.map((piece) => ({ energies: decodeEnergies(piece.energies) })), ctx.encoding.sampleRate, SAMPLES_PER_MP3_FRAME);
  const peaks = pieces.map((piece) => piece.truePeakDbtp).filter((peak): peak is number => peak !== null);
  return {
    integratedLufs: combined.integratedLufs,
    loudnessRangeLu: combined.loudnessRangeLu,
    truePeakDbtp: peaks.length > 0 ? Math.max(...peaks) : Number.NEGATIVE_INFINITY,
  };
}

interface EpisodeLoudness {
  integratedLufs: number;
  truePeakDbtp: number;
  loudnessRangeLu: number;
}

/** Uploads a finished MP3 (immutable under its hashed key) and describes it as measured. */
async function publishAudio(
  ctx: PipelineContext,
  file: string,
  key: string,
  loudness: EpisodeLoudness,
  durationSeconds: number,
): Promise<EpisodeAudio> {
  const size = await stat(file);
  await ctx.publish.putFile(key, file, { contentType: 'audio/mpeg', cacheControl: 'public, max-age=31536000, immutable' });
  return {
    key,
    url: ctx.publish.publicUrl(key),
    bytes: size.size,
    mimeType: 'audio/mpeg',
    durationSeconds,
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
