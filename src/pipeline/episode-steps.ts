import { assertScriptWithinCaps, defaultEpisodeCaps } from './episode-caps.js';
import type { EpisodeRecord, EpisodeVoicePick, EpisodeWarning } from '../core/episode.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { contentHash } from '../core/hash.js';
import type { Article, ScriptDocument, ScriptSegment } from '../core/types.js';
import type { ShowConfig } from '../config/show-config.js';
import type { PipelineContext } from './context.js';
import { changeEpisode } from './episode-lifecycle.js';
import { EpisodeStore } from './episode-store.js';
import type { SegmentRenderRequest } from './render-segment.js';
import { selectSegmentVoices, voiceChoice } from '../tts/segment-voices.js';
import { distinctTitle, episodeTitle } from '../feed/episode-title.js';
import { lengthWarnings } from '../script/length-check.js';
import { REFERENCE_LETTERS_PER_WORD, segmentOverhead, speakingRate } from '../script/speech-rate.js';
import { explainStoryOrder } from '../script/story-order.js';
import { markStoryLanguages, sortArticlesByLanguage } from '../language/other-languages.js';
import { pinLanguageVoices, showHasVoiceFor } from './language-voices.js';
import { earCheckWarnings } from './ear-check-warnings.js';
import { AUTO_PROVIDER, applyVoicePick, resolveVoicePick, usesAutoVoice } from '../tts/auto-voice.js';

/** The show's speaking rate: its own setting, else the rate measured for the narrator's engine (the `auto` pick's) and speed. */
export function showWordsPerMinute(show: ShowConfig, pick?: EpisodeVoicePick): number {
  const narrator = segmentRequest(show, { id: 'intro', kind: 'intro', text: 'rate' }, pick);
  return speakingRate({ wordsPerMinute: show.wordsPerMinute, provider: narrator.provider, speed: narrator.speed });
}

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

/** The record of an episode accepted but not yet written: what both runners store before work starts. */
export function queuedEpisodeRecord(show: ShowConfig, episodeId: string, articles: Article[], date: Date, now: string): EpisodeRecord {
  const day = date.toISOString().slice(0, 10);
  return {
    id: episodeId,
    showId: show.id,
    title: episodeTitle(show.title, day, articles[0]?.title),
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

/** The lead story names the edition; a rebuilt episode keeps its title, a new one never repeats a same-day title. */
async function sameDayTitle(store: EpisodeStore, show: ShowConfig, episodeId: string, script: ScriptDocument, existing: EpisodeRecord | null | undefined): Promise<string> {
  const lead = script.segments.find((segment) => segment.kind === 'story' && segment.title)?.title;
  const base = episodeTitle(show.title, script.date, lead);
  // A record that was only queued has a provisional title; one written before keeps its own (a rebuild keeps its title).
  if (existing?.writer && existing.date === script.date && (existing.title === base || existing.title.startsWith(`${base} (edition `))) return existing.title;
  const sameDay = (await store.listEpisodes(show.id)).filter((other) => other.id !== episodeId && other.date === script.date).map((other) => other.title);
  return distinctTitle(base, sameDay);
}

export interface WrittenScript {
  script: ScriptDocument;
  /** Left-out articles, the writer's length check and the ear check's findings. */
  warnings: EpisodeWarning[];
  targetSeconds: number;
  /** The articles the script tells (those in a language the show can read). */
  kept: Article[];
  /** The engines `auto` picked (absent when the show names its providers). */
  voicePick?: EpisodeVoicePick;
}

/** Writes (or takes the producer's) script exactly as an episode build would; `briefcast cost` uses it too. */
export async function writeEpisodeScript(
  ctx: PipelineContext,
  show: ShowConfig,
  articles: Article[],
  options: Pick<PrepareOptions, 'date' | 'writer' | 'targetMinutes' | 'script'> & { voicePick?: EpisodeVoicePick },
): Promise<WrittenScript> {
  // `auto` is resolved once per episode; the rate, the lead-ins and other-language voices follow the engines it picked.
  const voicePick = options.voicePick ?? (await resolveVoicePick(ctx.providers, show));
  const voiced = applyVoicePick(show, voicePick);
  const writer = ctx.writers.create(options.writer ?? show.script.writer, show.script);
  // A producer's script is taken as it is; a written one only tells articles the show can read.
  const sorted = options.script
    ? { kept: articles, warnings: [] }
    : await sortArticlesByLanguage(articles, show.language, show.otherLanguages.handling, (language) => showHasVoiceFor(ctx.providers, voiced, language));
  const targetSeconds = (options.targetMinutes ?? show.targetMinutes) * 60;
  const input = {
    articles: sorted.kept,
    showTitle: show.title,
    language: show.language,
    ...(show.locale ? { locale: show.locale } : {}),
    date: options.date,
    targetSeconds,
    wordsPerMinute: showWordsPerMinute(show, voicePick),
    // An engine's measured rate is carried over to the written words' lengths; the show's own rate is kept.
    ...(show.wordsPerMinute === undefined ? { rateLettersPerWord: REFERENCE_LETTERS_PER_WORD } : {}),
    pauses: show.pauses,
    segmentSeconds: segmentOverhead(segmentRequest(show, { id: 'intro', kind: 'intro', text: 'rate' }, voicePick).provider),
  };
  const script =
    options.script ?? (await pinLanguageVoices(ctx.providers, voiced, markStoryLanguages(await writer.write(input), sorted.kept, show.language)));
  // The writer's own length check counts pauses and lead-ins, so the ear check is not asked for its word-count estimate.
  const warnings = [
    ...sorted.warnings,
    ...lengthWarnings(input, script),
    ...(await earCheckWarnings(script)),
  ];
  return { script, warnings, targetSeconds, kept: sorted.kept, ...(voicePick ? { voicePick } : {}) };
}

/** Writes the script and the episode record. Cleaned articles in, nothing synthesised yet. */
export async function prepareEpisode(ctx: PipelineContext, show: ShowConfig, articles: Article[], options: PrepareOptions): Promise<EpisodeRecord> {
  const store = new EpisodeStore(ctx.work);
  const episodeId = options.episodeId ?? defaultEpisodeId(show, articles, options.date);
  const existing = await store.findEpisode(show.id, episodeId);
  // Submit normally resolved `auto` already (kept in the record); a build that skipped submit (the CLI) resolves it here, once.
  const { script: written, warnings, targetSeconds, kept, voicePick } = await writeEpisodeScript(ctx, show, articles, {
    ...options,
    ...(existing?.voicePick ? { voicePick: existing.voicePick } : {}),
  });
  const script = options.voice ? { ...written, segments: written.segments.map((segment) => ({ ...segment, voice: options.voice })) } : written;
  // Before anything is stored or synthesised: a script over a cap fails the episode with the cap named.
  assertScriptWithinCaps(script, ctx.caps ?? defaultEpisodeCaps, `${show.id}/${episodeId}`);
  const now = ctx.now().toISOString();
  const record: EpisodeRecord = {
    ...(existing ?? { chapters: [], segments: [], createdAt: now }),
    id: episodeId,
    showId: show.id,
    title: await sameDayTitle(store, show, episodeId, script, existing),
    date: script.date,
    updatedAt: now,
    status: existing?.status ?? 'writing',
    description: describe(script),
    sources: articles.map((article) => ({ title: article.title, url: article.url, siteName: article.siteName })),
    writer: script.writer,
    storyOrder: explainStoryOrder(kept, script),
    targetSeconds,
  };
  if (warnings.length > 0) record.warnings = warnings;
  else delete record.warnings;
  if (voicePick) record.voicePick = voicePick;
  await store.saveShow(show);
  await store.saveArticles(show.id, episodeId, articles);
  await store.saveScript(show.id, episodeId, script);
  // Under the episode's lock; the status and progress stay the lifecycle's.
  return changeEpisode(ctx, { showId: show.id, episodeId }, (current) => ({ ...record, status: current.status, ...(current.progress ? { progress: current.progress } : {}) }));
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
  const chosen = selectSegmentVoices(applyVoicePick(show, pick), segment);
  if (host) Object.assign(chosen.primary, { provider: host.provider, voice: host.voice });
  // A story in another language is read by the voice configured for that language, when there is one.
  const languageVoice = segment.language ? show.otherLanguages.voices?.[segment.language] : undefined;
  const primary = languageVoice ? { ...voiceChoice(languageVoice), ...(segment.voice ? { voice: segment.voice } : {}) } : chosen.primary;
  // The quotes voice speaks the show's language; a story in another language keeps one voice.
  const { fallback } = chosen;
  const quotes = segment.language ? undefined : chosen.quotes;
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
    language: segment.language ?? show.language,
  };
}

/** The episode's recorded `auto` pick; resolved and recorded now for an episode stored before it had one. */
export async function episodeVoicePick(ctx: PipelineContext, show: ShowConfig, episodeId: string): Promise<EpisodeVoicePick | undefined> {
  if (!usesAutoVoice(show)) return undefined;
  const record = await new EpisodeStore(ctx.work).getEpisode(show.id, episodeId);
  if (record.voicePick) return record.voicePick;
  const pick = await resolveVoicePick(ctx.providers, show);
  if (!pick) throw new BriefcastError(ErrorCodes.PROVIDER_UNKNOWN, 'the auto voice found no offline engine on this machine', { subject: show.language });
  const updated = await changeEpisode(ctx, { showId: show.id, episodeId }, (current) => ({ ...current, voicePick: current.voicePick ?? pick }));
  return updated.voicePick ?? pick;
}

/** Tolerance of the length promise: the measured episode within ±10% of its target. */
const LENGTH_TOLERANCE = 0.1;

/** Adds (or replaces) the warning that the measured audio missed its target length. */
export function withLengthWarning(record: EpisodeRecord, durationSeconds: number): EpisodeRecord {
  const others = (record.warnings ?? []).filter((warning) => warning.code !== 'length-off-target');
  const target = record.targetSeconds;
  const error = target ? (durationSeconds - target) / target : 0;
  const warnings = target && Math.abs(error) > LENGTH_TOLERANCE
    ? [...others, { code: 'length-off-target', message: `the episode is ${durationSeconds.toFixed(0)} s long for a ${target.toFixed(0)} s target (${error > 0 ? '+' : ''}${(error * 100).toFixed(0)}%), measured after stitching` }]
    : others;
  const { warnings: _old, ...rest } = record;
  return warnings.length > 0 ? { ...rest, warnings } : rest;
}
