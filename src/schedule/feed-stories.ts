import { cleanArticles } from '../clean/clean-off-thread.js';
import { BriefcastError, ErrorCodes, toBriefcastError } from '../core/errors.js';
import type { Article } from '../core/types.js';
import { fetchNewsFeed, jaccard, NEAR_DUPLICATE_THRESHOLD, selectStories, titleTokens, type NewsFeedItem, type UsedStories } from '../ingest/feeds/index.js';
import { ingestSources, ingestText, resolveIngestOptions, type IngestOptions } from '../ingest/index.js';
import type { PipelineContext } from '../pipeline/context.js';
import { loadUsedStories, rememberStories } from './story-memory.js';

export interface FeedStories {
  /** Cleaned articles, newest story first. */
  articles: Article[];
  /** Feeds that could not be read, with the reason (the others still count). */
  failedFeeds: Array<{ url: string; reason: string }>;
  /** Stories told from the feed's description because the page could not be read. */
  fromDescription: number;
}

/**
 * selectStories drops near-duplicates within one batch; a story told last
 * time and reworded by another source today must be dropped too.
 */
function withoutToldStories(items: NewsFeedItem[], used: UsedStories): NewsFeedItem[] {
  const told = [...used.titles].map(titleTokens);
  return items.filter((item) => {
    const tokens = titleTokens(item.title);
    return !told.some((other) => jaccard(tokens, other) >= NEAR_DUPLICATE_THRESHOLD);
  });
}

/** The item's own words, when its page cannot be fetched or read. */
function descriptionArticle(item: NewsFeedItem): Article {
  const body = item.description.trim() || item.title;
  const article = ingestText(`${item.title}\n\n${body}`, item.link ?? item.feedUrl);
  return {
    ...article,
    ...(item.link ? { url: item.link } : {}),
    ...(item.feedTitle ? { siteName: item.feedTitle } : {}),
    ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}),
  };
}

async function storyArticle(item: NewsFeedItem, options: IngestOptions): Promise<{ article: Article; full: boolean }> {
  if (item.link) {
    try {
      const [page] = await ingestSources([item.link], options);
      if (page) return { article: { ...page, publishedAt: page.publishedAt ?? item.publishedAt, siteName: page.siteName ?? item.feedTitle }, full: true };
    } catch {
      // Paywalls, dead links and refused addresses: the description still tells the story.
    }
  }
  return { article: descriptionArticle(item), full: false };
}

/**
 * The newest `count` stories across `feeds` that this show has not told
 * before, near-duplicates dropped, each read from its page when reachable and
 * from the feed's description otherwise. The chosen stories are remembered at
 * once (under the show's lock), so two briefings never take the same story.
 */
export async function gatherFeedStories(
  ctx: PipelineContext,
  showId: string,
  feeds: string[],
  count: number,
  ingest: Partial<IngestOptions>,
): Promise<FeedStories> {
  const options = resolveIngestOptions(ingest);
  const items: NewsFeedItem[] = [];
  const failedFeeds: FeedStories['failedFeeds'] = [];
  let firstError: unknown;
  for (const url of feeds) {
    try {
      items.push(...(await fetchNewsFeed(url, options)));
    } catch (error) {
      firstError ??= error;
      failedFeeds.push({ url, reason: toBriefcastError(error).toLine() });
    }
  }
  if (failedFeeds.length === feeds.length && firstError) throw toBriefcastError(firstError);

  const selected = await ctx.lock(`stories:${showId}`, async () => {
    const used = await loadUsedStories(ctx.work, showId);
    const picked = selectStories(withoutToldStories(items, used), used, count);
    if (picked.length > 0) await rememberStories(ctx.work, showId, used, picked.map((story) => story.key));
    return picked;
  });
  if (selected.length === 0) {
    throw new BriefcastError(ErrorCodes.INPUT_EMPTY, 'no stories that this show has not already told', { subject: feeds.join(', ') });
  }
  const read: Article[] = [];
  let fromDescription = 0;
  for (const { item } of selected) {
    const { article, full } = await storyArticle(item, options);
    if (!full) fromDescription += 1;
    read.push(article);
  }
  return { articles: await cleanArticles(read), failedFeeds, fromDescription };
}
