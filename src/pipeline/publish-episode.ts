import type { EpisodeFile, EpisodeRecord } from '../core/episode.js';
import type { ShowConfig } from '../config/show-config.js';
import { speakerResolver } from '../feed/credits.js';
import { EPISODE_FILES, type EpisodeFileKind } from '../feed/episode-files.js';
import { episodeNotes } from '../feed/episode-notes.js';
import { buildFlashBriefing, FLASH_MAX_ITEMS, type FlashEntry } from '../feed/flash-briefing.js';
import { buildJsonChapters } from '../feed/json-chapters.js';
import { podcastGuid } from '../feed/podcast-guid.js';
import { podcastFeedWarnings } from '../feed/feed-warnings.js';
import { flashBriefingWarnings } from '../feed/flash-warnings.js';
import { publishTimeFor, type PublishClock } from '../feed/publish-time.js';
import { episodeGuid, publishedNewestFirst } from '../feed/feed-items.js';
import { buildCues } from '../feed/transcript-cues.js';
import { toPlainTranscript, toSrt, toWebVtt } from '../feed/transcript-formats.js';
import { contentTypeFor } from '../storage/content-type.js';
import { publicKeys } from '../storage/keys.js';
import type { PipelineContext } from './context.js';
import { recordPublished } from './episode-lifecycle.js';
import { EpisodeStore } from './episode-store.js';
import { readShowAssets } from './show-assets.js';

/**
 * The feed builder, loaded when first needed: feedsmith takes about 0.09 s to
 * load, which a CLI build would otherwise spend before its first step (the
 * embedded executor starts loading it while the pieces are synthesised).
 */
export const loadFeedBuilder = () => import('../feed/rss-feed.js');

/**
 * Publishes an episode. Order matters: the audio is already in storage (stitch
 * put it there), the side files (transcripts, JSON chapters) follow, then the
 * record, and the feeds go last, so a feed never names a missing file. Every
 * input is read from storage, so any machine can run this step.
 */
export async function publishEpisode(ctx: PipelineContext, show: ShowConfig, episodeId: string): Promise<EpisodeRecord> {
  const store = new EpisodeStore(ctx.work);
  const files = await publishSideFiles(ctx, show, await store.getEpisode(show.id, episodeId));
  const now = ctx.now();
  // Under the show's lock: two episodes of one day published together still get distinct, ordered times.
  const record = await ctx.lock(`publish-time:${show.id}`, async () => {
    const others = await store.listEpisodes(show.id);
    return recordPublished(ctx, { showId: show.id, episodeId }, (current) => ({
      ...current,
      files: { ...current.files, ...files },
      publishedAt: current.publishedAt ?? publishTimeFor(current, others, now, publishClock(show)).toISOString(),
    }));
  });
  await rebuildFeed(ctx, show);
  return record;
}

/** Transcripts in three formats and Podcasting 2.0 chapters, all from the record's exact segment timings. */
export async function publishSideFiles(ctx: PipelineContext, show: ShowConfig, record: EpisodeRecord): Promise<Record<string, EpisodeFile>> {
  const speakerFor = speakerResolver(show);
  const cues = buildCues(record.segments, { speakerFor });
  const bodies: Record<EpisodeFileKind, string> = {
    'transcript-vtt': toWebVtt(cues),
    'transcript-srt': toSrt(cues),
    'transcript-text': toPlainTranscript(record.title, record.segments, speakerFor),
    'chapters-json': `${JSON.stringify(buildJsonChapters(record.chapters, { title: record.title, podcastName: show.title }), null, 2)}\n`,
  };
  const files: Record<string, EpisodeFile> = {};
  for (const [kind, body] of Object.entries(bodies) as Array<[EpisodeFileKind, string]>) {
    const { file, mimeType } = EPISODE_FILES[kind];
    const key = publicKeys.episodeFile(show.id, record.id, file);
    // Stable names, short cache: a rebuilt episode rewrites them in place.
    await ctx.publish.put(key, body, { contentType: contentTypeFor(file), cacheControl: 'public, max-age=300' });
    files[kind] = { key, url: ctx.publish.publicUrl(key), mimeType };
  }
  return files;
}

/** Rebuilds a show's podcast feed and flash briefing feed from every episode record; each object is replaced atomically. */
export function rebuildFeed(ctx: PipelineContext, show: ShowConfig): Promise<string> {
  // Two episodes finishing together must both land in the feed: list-and-write runs under the show's lock.
  return ctx.lock(`feed:${show.id}`, () => writeFeeds(ctx, show));
}

async function writeFeeds(ctx: PipelineContext, show: ShowConfig): Promise<string> {
  const store = new EpisodeStore(ctx.work);
  const [episodes, assets] = await Promise.all([store.listEpisodes(show.id), readShowAssets(ctx, show.id)]);
  const feedKey = publicKeys.feed(show.id);
  const feedUrl = ctx.publish.publicUrl(feedKey);
  // The show's folder, by URL resolution rather than string surgery on the key.
  const siteUrl = show.link ?? new URL('./', feedUrl).href;
  const { buildPodcastFeed } = await loadFeedBuilder();
  const xml = buildPodcastFeed(show, episodes, { feedUrl, artworkUrl: assets.artworkUrl, siteUrl }, ctx.now());
  const flash = buildFlashBriefing(await flashEntries(store, show, episodes), {
    namespace: show.podcastGuid ?? podcastGuid(feedUrl),
    redirectionUrl: siteUrl,
  });
  const speakerAudio = new Map(episodes.flatMap((episode) => (episode.speakerAudio ? [[episode.speakerAudio.url, episode.speakerAudio] as const] : [])));
  const warnings = [...podcastFeedWarnings(show, assets.artworkUrl), ...flashBriefingWarnings(flash, siteUrl, (url) => speakerAudio.get(url))];
  for (const warning of warnings) ctx.logger.warn({ showId: show.id, code: warning.code }, warning.message);
  // The flash feed first: the podcast feed is the one most apps poll, so it is the last word.
  await ctx.publish.put(publicKeys.flashFeed(show.id), `${JSON.stringify(flash, null, 2)}\n`, {
    contentType: 'application/json; charset=utf-8',
    cacheControl: 'public, max-age=300',
  });
  await ctx.publish.put(feedKey, xml, { contentType: 'application/rss+xml; charset=utf-8', cacheControl: 'public, max-age=300' });
  return feedUrl;
}

function publishClock(show: ShowConfig): PublishClock {
  return { publishTime: show.publishTime, timeZone: show.timezone ?? show.schedule?.timezone ?? 'UTC' };
}

/**
 * Published episodes with a speaker rendition play as audio; those outside
 * Alexa's length limits are read aloud by Alexa from their script. Drafts are
 * never listed: this file is public and a draft is unapproved. Only the newest few are fetched.
 */
async function flashEntries(store: EpisodeStore, show: ShowConfig, episodes: EpisodeRecord[]): Promise<FlashEntry[]> {
  const candidates = publishedNewestFirst(episodes)
    .filter((episode) => episode.status === 'published')
    .map((episode) => ({ episode, date: episode.publishedAt ?? episode.createdAt }))
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, FLASH_MAX_ITEMS);
  return Promise.all(
    candidates.map(async ({ episode, date }) => {
      const base = { guid: episodeGuid(show, episode), date, title: episode.title };
      const headlines = episodeNotes(episode)
        .stories.map((story) => `${story.headline}${story.source ? ` (${story.source})` : ''}.`)
        .join(' ');
      if (episode.speakerAudio) return { ...base, text: headlines, streamUrl: episode.speakerAudio.url };
      const script = await store.getScript(show.id, episode.id).catch(() => null);
      return { ...base, text: script ? script.segments.map((segment) => segment.text).join(' ') : headlines || episode.title };
    }),
  );
}
