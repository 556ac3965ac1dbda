/** Worker-thread entry of the parsing pool (html-pool.ts): one page or feed in, an Article (or feed items) or an error record out. */
import { toBriefcastError } from '../core/errors.js';
import type { Article } from '../core/types.js';
import { parseNewsFeed } from './feeds/parse-news-feed.js';
import type { NewsFeedItem } from './feeds/types.js';
import type { HtmlLimits } from './html-limits.js';
import { ingestHtml } from './ingest-html.js';
import { ingestText } from './ingest-text.js';

export interface HtmlTask {
  /** HTML by default; Markdown goes through the same pool (marked is as costly on hostile input). */
  format?: 'html' | 'markdown';
  html: string;
  source: string;
  baseUrl?: string;
  limits: HtmlLimits;
}

/** A news feed's bytes: XML parsing is as costly as HTML on hostile input, so it runs in the same pool. */
export interface FeedTask {
  format: 'feed';
  body: Uint8Array;
  url: string;
  charset?: string;
}

type TaskError = { error: { code: string; message: string; subject?: string } };
/** Errors cross the thread boundary as plain data: structured clone would drop the code. */
export type HtmlTaskResult = { article: Article } | TaskError;
export type FeedTaskResult = { items: NewsFeedItem[] } | TaskError;

export default function extract(task: HtmlTask | FeedTask): HtmlTaskResult | FeedTaskResult {
  try {
    if (task.format === 'feed') return { items: parseNewsFeed(task.body, task.url, task.charset) };
    if (task.format === 'markdown') return { article: ingestText(task.html, task.source, 'markdown') };
    return { article: ingestHtml(task.html, task.source, task.baseUrl, task.limits) };
  } catch (error) {
    const failure = toBriefcastError(error);
    return { error: { code: failure.code, message: failure.message, ...(failure.subject ? { subject: failure.subject } : {}) } };
  }
}
