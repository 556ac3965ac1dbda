import type { Article } from '../core/types.js';
import { runOffThread } from '../offthread/pool.js';
import type { HtmlLimits } from './html-limits.js';
import type { NewsFeedItem } from './feeds/types.js';

export interface HtmlExtractLimits extends HtmlLimits {
  /** Longest a page may take to extract; the worker thread is killed (and replaced) past it. */
  parseTimeoutMs: number;
}

/**
 * Extracts an HTML page off the main thread: linkedom and Readability are CPU
 * heavy on hostile pages. A page over the time cap fails with INPUT_LIMIT.
 */
export async function extractHtml(html: string, source: string, baseUrl: string | undefined, limits: HtmlExtractLimits): Promise<Article> {
  const task = { kind: 'page', format: 'html', text: html, source, limits: { maxDepth: limits.maxDepth, maxNodes: limits.maxNodes }, ...(baseUrl ? { baseUrl } : {}) } as const;
  return (await runOffThread(task, overTime(source, 'HTML', 'extract', limits.parseTimeoutMs))).article;
}

/** Markdown through the same pool and time cap. */
export async function extractMarkdown(markdown: string, source: string, limits: HtmlExtractLimits): Promise<Article> {
  const task = { kind: 'page', format: 'markdown', text: markdown, source, limits: { maxDepth: limits.maxDepth, maxNodes: limits.maxNodes } } as const;
  return (await runOffThread(task, overTime(source, 'Markdown', 'extract', limits.parseTimeoutMs))).article;
}

/**
 * A news feed parsed off the main thread with the same time cap (the depth
 * pre-scan alone bounds nesting, not the time a wide or entity-heavy feed takes).
 */
export async function parseFeedOffThread(body: Uint8Array, url: string, charset: string | undefined, parseTimeoutMs: number): Promise<NewsFeedItem[]> {
  const task = { kind: 'feed', body, url, ...(charset ? { charset } : {}) } as const;
  return (await runOffThread(task, overTime(url, 'the feed', 'parse', parseTimeoutMs))).items;
}

const overTime = (subject: string, what: string, verb: string, timeoutMs: number) => ({
  timeoutMs,
  subject,
  overTimeMessage: `${what} took longer than ${timeoutMs} ms to ${verb}`,
  limit: 'parseTimeoutMs',
});
