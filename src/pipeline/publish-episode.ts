import type { EpisodeRecord } from '../core/episode.js';
import type { ShowConfig } from '../config/show-config.js';
import { buildPodcastFeed } from '../feed/rss-feed.js';
import { publicKeys } from '../storage/keys.js';
import type { PipelineContext } from './context.js';
import { EpisodeStore } from './episode-store.js';
import { readShowAssets } from './show-assets.js';

/**
 * Marks an episode published and rewrites the show feed. Order matters: the
 * audio and side files are already in storage (stitch put them there), the
 * record follows, the feed goes last, so a feed never names a missing file.
 */
export async function publishEpisode(ctx: PipelineContext, show: ShowConfig, episodeId: string): Promise<EpisodeRecord> {
  const store = new EpisodeStore(ctx.work);
  const now = ctx.now().toISOString();
  const record = await store.updateEpisode(show.id, episodeId, (current) => ({
    ...current,
    status: 'published',
    publishedAt: current.publishedAt ?? now,
    updatedAt: now,
    progress: { stage: 'published', done: 1, total: 1 },
  }));
  await rebuildFeed(ctx, show);
  return record;
}

/** Rebuilds a show's feed from every episode record; the feed object is replaced atomically. */
export function rebuildFeed(ctx: PipelineContext, show: ShowConfig): Promise<string> {
  // Two episodes finishing together must both land in the feed: list-and-write runs under the show's lock.
  return ctx.lock(`feed:${show.id}`, () => writeFeed(ctx, show));
}

async function writeFeed(ctx: PipelineContext, show: ShowConfig): Promise<string> {
  const store = new EpisodeStore(ctx.work);
  const [episodes, assets] = await Promise.all([store.listEpisodes(show.id), readShowAssets(ctx, show.id)]);
  const feedKey = publicKeys.feed(show.id);
  const feedUrl = ctx.publish.publicUrl(feedKey);
  const xml = buildPodcastFeed(
    show,
    episodes,
    { feedUrl, artworkUrl: assets.artworkUrl, siteUrl: show.link ?? feedUrl.replace(/feed\.xml$/, '') },
    ctx.now(),
  );
  await ctx.publish.put(feedKey, xml, { contentType: 'application/rss+xml; charset=utf-8', cacheControl: 'public, max-age=300' });
  return feedUrl;
}
