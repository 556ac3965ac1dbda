import type { EpisodeRecord, EpisodeVoicePick } from '../core/episode.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { contentHash } from '../core/hash.js';
import { mapConcurrent } from '../core/map-concurrent.js';
import type { Article, ScriptDocument, ScriptSegment } from '../core/types.js';
import type { ShowConfig } from '../config/show-config.js';
import type { PipelineContext } from './context.js';
import { EpisodeStore } from './episode-store.js';
import { noProgress, type ProgressListener } from './progress.js';
import { renderSegment, type SegmentRenderRequest } from './render-segment.js';
import { stitchEpisode, type SegmentRenderResult } from './stitch-episode.js';
import { publishEpisode } from './publish-episode.js';
import { selectSegmentVoices } from '../tts/segment-voices.js';
import { AUTO_PROVIDER, applyVoicePick, resolveVoicePick, usesAutoVoice } from '../tts/auto-voice.js';

/**
 * The steps of one episode after ingest, each reading its inputs from storage
 * and writing its outputs there, so a queue can run each step on any machine.
 */
export interface PrepareOptions {
  date: Date;
  /** Defaults to a hash of the date and article ids: the same request twice is the same episode. */
  episodeId?: string;
  writer?: string;
  /** Replace the written script (e.g. a producer's edited one). */
  script?: ScriptDocument;
  /** This episode's length, instead of the show's. */
  targetMinutes?: number;
  /** A voice name pinned on every segment of this episode, instead of the show's voices. */
  voice?: string;
}

export function defaultEpisodeId(show: ShowConfig, articles: Article[], date: Date): string {
  const day = date.toISOString().slice(0, 10);
  return `${day}-${contentHash(`${show.id}|${articles.map((article) => article.id).join(',')}`, 8)}`;
}

/** "<Show>: Saturday, 28 November 2026" for an ISO day. */
export function episodeTitle(show: ShowConfig, isoDay: string): string {
  const day = new Date(`${isoDay}T12:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `${show.title}: ${day}`;
}

/** The record of an episode accepted but not yet written: what both runners store before work starts. */
export function queuedEpisodeRecord(show: ShowConfig, episodeId: string, articles: Article[], date: Date, now: string): EpisodeRecord {
  const day = date.toISOString().slice(0, 10);
  return {
    id: episodeId,
    showId: show.id,
    title: episodeTitle(show, day),
    date: day,
    createdAt: now,
    updatedAt: now,
    status: 'queued',
    progress: { stage: 'queued', done: 0, total: 1 },
    description: '',
    sources: articles.map((article) => ({ title: article.title, url: article.url, siteName: article.siteName })),
    chapters: [],
    segments: [],
  };
}

function describe(script: ScriptDocument): string {
  const stories = script.segments.filter((segment) => segment.kind === 'story');
  return stories
    .map((segment) => {
      const source = segment.sources?.find((s) => s.siteName)?.siteName;
      return `${segment.title ?? 'Story'}${source ? ` (${source})` : ''}`;
    })
    .join('; ');
}

/** Writes the script and the episode record. Cleaned articles in, nothing synthesised yet. */
export async function prepareEpisode(ctx: PipelineContext, show: ShowConfig, articles: Article[], options: PrepareOptions): Promise<EpisodeRecord> {
  const store = new EpisodeStore(ctx.work);
  const episodeId = options.episodeId ?? defaultEpisodeId(show, articles, options.date);
  const writer = ctx.writers.create(options.writer ?? show.script.writer, show.script);
  const written =
    options.script ??
    (await writer.write({
      articles,
      showTitle: show.title,
      language: show.language,
      date: options.date,
      targetSeconds: (options.targetMinutes ?? show.targetMinutes) * 60,
      wordsPerMinute: show.wordsPerMinute,
    }));
  const script = options.voice ? { ...written, segments: written.segments.map((segment) => ({ ...segment, voice: options.voice })) } : written;
  const existing = await store.findEpisode(show.id, episodeId);
  const now = ctx.now().toISOString();
  const record: EpisodeRecord = {
    ...(existing ?? { chapters: [], segments: [], createdAt: now }),
    id: episodeId,
    showId: show.id,
    title: episodeTitle(show, script.date),
    date: script.date,
    updatedAt: now,
    status: existing?.status === 'published' ? 'published' : 'synthesising',
    description: describe(script),
    sources: articles.map((article) => ({ title: article.title, url: article.url, siteName: article.siteName })),
    writer: script.writer,
  };
  // Submit normally resolved `auto` already; a build that skipped submit (the CLI) resolves it here, once.
  const voicePick = record.voicePick ?? (await resolveVoicePick(ctx.providers, show));
  if (voicePick) record.voicePick = voicePick;
  await store.saveShow(show);
  await store.saveArticles(show.id, episodeId, articles);
  await store.saveScript(show.id, episodeId, script);
  await store.saveEpisode(record);
  return record;
}

/**
 * The TTS request for one segment: the show's cast decides the voice (see segment-voices.ts), the script may override its name.
 * Under `auto` the episode's pick supplies the engines; a script's voice name is a voice of the picked engine, or a host's name for its engine.
 */
export function segmentRequest(show: ShowConfig, segment: ScriptSegment, pick?: EpisodeVoicePick): SegmentRenderRequest {
  const autoAnchor = (show.voices?.anchor ?? show.voice).provider === AUTO_PROVIDER;
  if (usesAutoVoice(show) && !pick) {
    throw new BriefcastError(ErrorCodes.INTERNAL, 'the show uses the auto voice but the episode has no voice pick', { subject: show.id });
  }
  const host = autoAnchor && segment.voice ? pick?.hosts?.[segment.voice] : undefined;
  const { primary, quotes, fallback } = selectSegmentVoices(applyVoicePick(show, pick), segment);
  if (host) Object.assign(primary, { provider: host.provider, voice: host.voice });
  return {
    text: segment.text,
    provider: primary.provider,
    voice: primary.voice,
    speed: primary.speed,
    ...(primary.model ? { model: primary.model } : {}),
    ...(primary.options ? { options: primary.options } : {}),
    kind: segment.kind,
    ...(quotes ? { quotes } : {}),
    ...(fallback.length > 0 ? { fallback } : {}),
    ...(show.pronunciations ? { lexicon: show.pronunciations } : {}),
    language: show.language,
  };
}

/** The episode's recorded `auto` pick; resolved and recorded now for an episode stored before it had one. */
export async function episodeVoicePick(ctx: PipelineContext, show: ShowConfig, episodeId: string): Promise<EpisodeVoicePick | undefined> {
  if (!usesAutoVoice(show)) return undefined;
  const store = new EpisodeStore(ctx.work);
  const record = await store.getEpisode(show.id, episodeId);
  if (record.voicePick) return record.voicePick;
  const pick = await resolveVoicePick(ctx.providers, show);
  if (!pick) throw new BriefcastError(ErrorCodes.PROVIDER_UNKNOWN, 'the auto voice found no offline engine on this machine', { subject: show.language });
  const updated = await store.updateEpisode(show.id, episodeId, (current) => ({ ...current, voicePick: current.voicePick ?? pick }));
  return updated.voicePick ?? pick;
}

/** Synthesises every segment (cache first), several at once. */
export async function synthesiseEpisode(
  ctx: PipelineContext,
  show: ShowConfig,
  episodeId: string,
  onProgress: ProgressListener = noProgress,
): Promise<SegmentRenderResult[]> {
  const script = await new EpisodeStore(ctx.work).getScript(show.id, episodeId);
  const pick = await episodeVoicePick(ctx, show, episodeId);
  let done = 0;
  onProgress({ stage: 'synthesise', done, total: script.segments.length });
  return mapConcurrent(script.segments, ctx.concurrency, async (segment) => {
    const request = segmentRequest(show, segment, pick);
    const rendered = await renderSegment(ctx, request);
    done += 1;
    onProgress({ stage: 'synthesise', done, total: script.segments.length, message: rendered.cached ? 'cached' : 'synthesised' });
    return { segmentId: segment.id, cacheKey: rendered.cacheKey, provider: rendered.provider, voice: rendered.voice, cached: rendered.cached };
  });
}

/** Stitches both renditions, records what was measured, publishes side files and feeds. */
export async function completeEpisode(
  ctx: PipelineContext,
  show: ShowConfig,
  episodeId: string,
  results: SegmentRenderResult[],
  onProgress: ProgressListener = noProgress,
): Promise<EpisodeRecord> {
  const store = new EpisodeStore(ctx.work);
  onProgress({ stage: 'stitch', done: 0, total: 1 });
  const { audio, speakerAudio, artwork, layout } = await stitchEpisode(ctx, show, episodeId, results);
  onProgress({ stage: 'stitch', done: 1, total: 1 });
  await store.updateEpisode(show.id, episodeId, (record) => ({
    ...record,
    audio,
    speakerAudio,
    artwork,
    chapters: layout.chapters,
    segments: layout.segments,
    status: record.status === 'published' ? 'published' : 'publishing',
    updatedAt: ctx.now().toISOString(),
  }));
  onProgress({ stage: 'publish', done: 0, total: 1 });
  const record = await publishEpisode(ctx, show, episodeId);
  onProgress({ stage: 'publish', done: 1, total: 1 });
  return record;
}
