import { cleanArticles } from '../clean/clean-off-thread.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { Article } from '../core/types.js';
import { assertWordsWithin, extractHtml, htmlLimitsOf, ingestSources, ingestText, resolveIngestOptions, type IngestOptions } from '../ingest/index.js';
import { gatherFeedStories } from '../schedule/feed-stories.js';
import type { PipelineContext } from './context.js';

/** One article given inline by a producer: a title and text, or a page's HTML. */
export interface InlineArticle {
  title?: string;
  text?: string;
  html?: string;
  /** Canonical URL credited in the notes (never fetched). */
  url?: string;
}

/** Every way a producer can hand over material for one episode; any mix, at least one article in the end. */
export interface EpisodeInputs {
  articles?: InlineArticle[];
  /** Article pages, fetched through the safe fetcher. */
  urls?: string[];
  /** News feeds: their newest stories this show has not told yet. */
  feeds?: string[];
  /** Stories taken from the feeds (default 3). */
  feedStories?: number;
}

async function inlineArticle(input: InlineArticle, index: number, options: IngestOptions): Promise<Article> {
  const source = `articles[${index}]`;
  if (input.html !== undefined) {
    const article = await extractHtml(input.html, source, input.url, htmlLimitsOf(options));
    assertWordsWithin(article.text, options.maxWordsPerArticle, source);
    return input.title ? { ...article, title: input.title } : article;
  }
  if (input.text === undefined) throw new BriefcastError(ErrorCodes.INPUT_EMPTY, 'needs "text" or "html"', { subject: source });
  assertWordsWithin(input.text, options.maxWordsPerArticle, source);
  const article = ingestText(input.title ? `${input.title}\n\n${input.text}` : input.text, source);
  return input.url ? { ...article, url: input.url } : article;
}

/**
 * Reads and cleans everything a request names, inline articles first, then
 * pages, then feed stories. Bad input throws its BriefcastError naming the
 * input, before anything is stored.
 */
export async function gatherArticles(ctx: PipelineContext, showId: string, inputs: EpisodeInputs, ingest: Partial<IngestOptions>): Promise<Article[]> {
  const options = resolveIngestOptions(ingest);
  const articles: Article[] = [];
  // One at a time: each page is bounded, and a request cannot fill the extraction pool alone.
  for (const [index, input] of (inputs.articles ?? []).entries()) articles.push(await inlineArticle(input, index, options));
  if (inputs.urls?.length) articles.push(...(await ingestSources(inputs.urls, ingest)));
  const cleaned = await cleanArticles(articles);
  if (inputs.feeds?.length) {
    const stories = await gatherFeedStories(ctx, showId, inputs.feeds, inputs.feedStories ?? 3, ingest);
    cleaned.push(...stories.articles);
  }
  if (cleaned.length === 0) throw new BriefcastError(ErrorCodes.INPUT_EMPTY, 'give at least one of articles, urls or feeds', { subject: 'body' });
  // The same story given twice (inline and by URL) is told once.
  const seen = new Set<string>();
  return cleaned.filter((article) => !seen.has(article.id) && Boolean(seen.add(article.id)));
}
