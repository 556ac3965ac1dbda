import { layoutEpisode, type LaidOutSegment, type TimedPiece } from '../audio/episode-layout.js';
import type { ShowConfig } from '../config/show-config.js';
import { contentHash } from '../core/hash.js';
import type { ScriptSegment } from '../core/types.js';
import { episodeTitle } from '../feed/episode-title.js';
import { zonedWallClock } from '../feed/publish-time.js';
import type { PipelineContext } from '../pipeline/context.js';
import { EpisodeStore } from '../pipeline/episode-store.js';
import { segmentRequest } from '../pipeline/episode-steps.js';
import { renderSegment } from '../pipeline/render-segment.js';
import { renderMusicPiece, renderSilencePiece } from '../pipeline/render-pieces.js';
import { readShowAssets } from '../pipeline/show-assets.js';
import { workKeys } from '../storage/keys.js';
import { headerWithOffsets } from './id3-header.js';
import type { Listener } from './listener.js';
import type { ListenerEpisode, ListenerPart } from './listener-episode.js';
import { ListenerStore } from './listener-store.js';
import { greetingText, personalIntroText, personalOutroText } from './personal-parts.js';
import { indexPool, selectStories, type IndexedStory } from './select-stories.js';
import { storyPool, type StoryPool } from './story-pool.js';

export interface BuildOptions {
  /** Records kept per listener (the feed's last N). */
  keep: number;
  /** Also write each episode's file to publish storage (for a CDN). */
  materialise?: (episode: ListenerEpisode) => Promise<string>;
}

export interface BuildSummary {
  built: number;
  /** Listeners with no matching story that day: their feed is unchanged. */
  skipped: number;
  /** Pieces this build had to synthesise (the rest came from the cache). */
  syntheses: number;
}

/** What one build shares across its listeners: the pool, fixed parts and memoised pieces. */
interface DayPlan {
  show: ShowConfig;
  pool: StoryPool;
  indexed: IndexedStory[];
  intro: { segment: ScriptSegment; piece: TimedPiece };
  outro: { segment: ScriptSegment; piece: TimedPiece };
  silences: Map<number, TimedPiece>;
  music: { intro?: TimedPiece; outro?: TimedPiece };
  artworkUrl?: string;
  greetings: Map<string, Promise<TimedPiece>>;
  pieceBytes: Map<string, Promise<number>>;
  syntheses: number;
}

async function spoken(ctx: PipelineContext, plan: Pick<DayPlan, 'show' | 'syntheses'>, segment: ScriptSegment): Promise<TimedPiece> {
  const rendered = await renderSegment(ctx, segmentRequest(plan.show, segment));
  if (!rendered.cached) plan.syntheses += 1;
  return { cacheKey: rendered.cacheKey, durationSeconds: rendered.durationSeconds };
}

async function planDay(ctx: PipelineContext, show: ShowConfig, showEpisodeId: string): Promise<DayPlan> {
  const store = new EpisodeStore(ctx.work);
  const [episode, script, articles, assets] = await Promise.all([
    store.getEpisode(show.id, showEpisodeId),
    store.getScript(show.id, showEpisodeId),
    store.getArticles(show.id, showEpisodeId),
    readShowAssets(ctx, show.id),
  ]);
  const pool = storyPool(episode, script, articles);
  const counter = { show, syntheses: 0 };
  const introSegment: ScriptSegment = { id: 'listener-intro', kind: 'intro', text: personalIntroText(show.title, episode.date) };
  const outroSegment: ScriptSegment = { id: 'listener-outro', kind: 'outro', text: personalOutroText() };
  const [introPiece, outroPiece] = [await spoken(ctx, counter, introSegment), await spoken(ctx, counter, outroSegment)];
  const silences = new Map<number, TimedPiece>();
  for (const ms of new Set([show.pauses.segmentMs, show.pauses.storyMs])) if (ms > 0) silences.set(ms, await renderSilencePiece(ctx, ms));
  const music = {
    intro: show.music?.intro ? await renderMusicPiece(ctx, show.music.intro, show.music.gainDb) : undefined,
    outro: show.music?.outro ? await renderMusicPiece(ctx, show.music.outro, show.music.gainDb) : undefined,
  };
  return {
    show,
    pool,
    indexed: indexPool(pool.stories),
    intro: { segment: introSegment, piece: introPiece },
    outro: { segment: outroSegment, piece: outroPiece },
    silences,
    music,
    ...(episode.artwork?.url ?? assets.artworkUrl ? { artworkUrl: episode.artwork?.url ?? assets.artworkUrl } : {}),
    greetings: new Map(),
    pieceBytes: new Map(),
    syntheses: counter.syntheses,
  };
}

function memo<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) {
    value = make();
    map.set(key, value);
    value.catch(() => map.delete(key));
  }
  return value;
}

async function pieceBytes(ctx: PipelineContext, plan: DayPlan, cacheKey: string): Promise<number> {
  return memo(plan.pieceBytes, cacheKey, async () => {
    const info = await ctx.work.head(workKeys.segmentAudio(cacheKey));
    if (!info) throw new Error(`piece ${cacheKey} is missing from the cache`);
    return info.size;
  });
}

/** One listener's record for the day, or null when nothing they follow is in the pool. */
export async function planListenerEpisode(ctx: PipelineContext, plan: DayPlan, listener: Listener): Promise<ListenerEpisode | null> {
  const { show } = plan;
  const fixed = plan.intro.piece.durationSeconds + plan.outro.piece.durationSeconds + (plan.music.intro?.durationSeconds ?? 0) + (plan.music.outro?.durationSeconds ?? 0);
  const selection = selectStories(plan.indexed, listener.follows, listener.targetMinutes * 60 - fixed);
  if (selection.stories.length === 0) return null;

  const segments: LaidOutSegment[] = [];
  const add = (segment: ScriptSegment, piece: TimedPiece) => segments.push({ segment, piece, provider: '', voice: '', cached: true });
  const greeting = greetingText(listener.name);
  if (greeting) {
    const segment: ScriptSegment = { id: 'listener-greeting', kind: 'intro', text: greeting };
    add(segment, await memo(plan.greetings, greeting, () => spoken(ctx, plan, segment)));
  }
  add(plan.intro.segment, plan.intro.piece);
  for (const story of selection.stories) {
    const full = plan.pool.stories.find((candidate) => candidate.segmentId === story.segmentId)!;
    add({ id: full.segmentId, kind: 'story', text: '', title: full.title, ...(full.url ? { sources: [{ title: full.title, url: full.url }] } : {}) }, {
      cacheKey: full.cacheKey,
      durationSeconds: full.durationSeconds,
    });
  }
  add(plan.outro.segment, plan.outro.piece);
  const layout = layoutEpisode({ segments, silence: (ms) => plan.silences.get(ms)!, pauses: show.pauses, music: plan.music });

  const pieces = await Promise.all(layout.pieces.map(async (piece) => ({ key: piece.cacheKey, bytes: await pieceBytes(ctx, plan, piece.cacheKey) })));
  // Byte offset of every piece start, by its start time on the timeline.
  const byteAt = new Map<number, number>();
  let clock = 0;
  let bytes = 0;
  layout.pieces.forEach((piece, index) => {
    byteAt.set(clock, bytes);
    clock += piece.durationSeconds;
    bytes += pieces[index]!.bytes;
  });
  byteAt.set(clock, bytes);
  const audioBytes = bytes;
  const title = episodeTitle(show.title, plan.pool.episode.date, selection.stories[0]!.title);
  const relative = layout.chapters.map((chapter) => ({ ...chapter, startByte: byteAt.get(chapter.startSeconds) ?? 0, endByte: byteAt.get(chapter.endSeconds) ?? audioBytes }));
  const header = headerWithOffsets({
    title,
    album: show.title,
    artist: show.author,
    year: plan.pool.episode.date.slice(0, 4),
    ...(plan.artworkUrl ? { artworkUrl: plan.artworkUrl } : {}),
    chapters: relative.map((chapter) => ({ ...chapter, startMs: Math.round(chapter.startSeconds * 1000), endMs: Math.round(chapter.endSeconds * 1000) })),
  });
  const parts: ListenerPart[] = layout.segments.map((segment) => {
    const kind = segment.id === 'listener-greeting' ? 'greeting' : segment.kind === 'story' ? 'story' : segment.kind === 'outro' ? 'outro' : 'intro';
    return {
      kind,
      ...(kind === 'story' ? { segmentId: segment.id, ...(segment.title ? { title: segment.title } : {}) } : { text: segment.text }),
      startSeconds: segment.startSeconds,
      durationSeconds: segment.durationSeconds,
    };
  });
  return {
    version: 1,
    showId: show.id,
    listenerId: listener.id,
    day: plan.pool.episode.date,
    showEpisodeId: plan.pool.episode.id,
    title,
    album: show.title,
    artist: show.author,
    ...(plan.artworkUrl ? { artworkUrl: plan.artworkUrl } : {}),
    createdAt: ctx.now().toISOString(),
    availableAt: new Date(Math.max(ctx.now().getTime(), zonedWallClock(plan.pool.episode.date, listener.deliverAt, listener.timeZone).getTime())).toISOString(),
    pieces,
    parts,
    chapters: relative.map((chapter) => ({ ...chapter, startByte: chapter.startByte + header.length, endByte: chapter.endByte + header.length })),
    headerBytes: header.length,
    totalBytes: header.length + audioBytes,
    durationSeconds: layout.durationSeconds,
    // The bytes are fixed by the tag and the pinned piece keys, so their hash is the entity tag.
    etag: `"${contentHash(Buffer.concat([header, Buffer.from(pieces.map((piece) => piece.key).join('|'))]), 24)}"`,
  };
}

/**
 * Builds the day's records for a batch of listeners from the show's published
 * episode. Stories are not synthesised again; only greetings not yet in the
 * cache (and, once per day, the personal intro and outro) are.
 */
export async function buildListenerEpisodes(
  ctx: PipelineContext,
  show: ShowConfig,
  showEpisodeId: string,
  listeners: Listener[],
  options: BuildOptions,
): Promise<BuildSummary> {
  const plan = await planDay(ctx, show, showEpisodeId);
  const store = new ListenerStore(ctx.work, ctx.now);
  let built = 0;
  let skipped = 0;
  for (const listener of listeners) {
    const episode = await planListenerEpisode(ctx, plan, listener);
    if (!episode) {
      skipped += 1;
      continue;
    }
    const materialisedKey = options.materialise ? await options.materialise(episode) : undefined;
    await store.saveEpisode(materialisedKey ? { ...episode, materialisedKey } : episode);
    await store.pruneEpisodes(show.id, listener.id, options.keep);
    built += 1;
  }
  ctx.logger.info({ showId: show.id, episodeId: showEpisodeId, built, skipped, syntheses: plan.syntheses }, 'listener episodes built');
  return { built, skipped, syntheses: plan.syntheses };
}
