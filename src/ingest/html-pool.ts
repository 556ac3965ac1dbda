import type { Piscina } from 'piscina';
import { BriefcastError, ErrorCodes, type ErrorCode } from '../core/errors.js';
import type { Article } from '../core/types.js';
import type { HtmlLimits } from './html-limits.js';
import type { NewsFeedItem } from './feeds/types.js';
import type { FeedTask, FeedTaskResult, HtmlTask, HtmlTaskResult } from './html-worker.js';

export interface HtmlExtractLimits extends HtmlLimits {
  /** Longest a page may take to extract; the worker thread is killed (and replaced) past it. */
  parseTimeoutMs: number;
}

let pool: Promise<Piscina> | undefined;

// The worker has this module's extension: .ts under tsx, .js compiled, .mjs in the benchmark bundle.
const workerExtension = /\.m?js$/.exec(import.meta.url)?.[0] ?? '.ts';

/** A TypeScript worker inherits tsx from a process started by tsx, and is given it otherwise (tests). */
function workerExecArgv(extension: string): string[] {
  // Compiled JavaScript needs no loader in the worker.
  if (extension !== '.ts') return process.execArgv;
  return process.execArgv.some((arg) => arg.includes('tsx')) ? process.execArgv : [...process.execArgv, '--import', 'tsx'];
}

function htmlPool(): Promise<Piscina> {
  pool ??= import('piscina').then(
    ({ Piscina }) =>
      new Piscina({
        filename: new URL(`./html-worker${workerExtension}`, import.meta.url).href,
        execArgv: workerExecArgv(workerExtension),
        minThreads: 0,
        maxThreads: 2,
        // Idle threads go away, so a CLI run exits promptly after its last page.
        idleTimeout: 500,
      }),
  );
  return pool;
}

/**
 * Extracts an HTML page off the main thread: linkedom and Readability are CPU
 * heavy on hostile pages, and the event loop keeps serving every other client
 * meanwhile. A page over the time cap has its thread terminated (the pool
 * starts a fresh one) and fails with INPUT_LIMIT.
 */
export function extractHtml(html: string, source: string, baseUrl: string | undefined, limits: HtmlExtractLimits): Promise<Article> {
  const task: HtmlTask = { html, source, limits: { maxDepth: limits.maxDepth, maxNodes: limits.maxNodes }, ...(baseUrl ? { baseUrl } : {}) };
  return articleOf(runTask(task, source, 'HTML', limits.parseTimeoutMs));
}

/** Markdown through the same pool and time cap. */
export function extractMarkdown(markdown: string, source: string, limits: HtmlExtractLimits): Promise<Article> {
  return articleOf(runTask({ format: 'markdown', html: markdown, source, limits: { maxDepth: limits.maxDepth, maxNodes: limits.maxNodes } }, source, 'Markdown', limits.parseTimeoutMs));
}

/**
 * A news feed parsed off the main thread with the same time cap (the depth
 * pre-scan alone bounds nesting, not the time a wide or entity-heavy feed takes).
 */
export async function parseFeedOffThread(body: Uint8Array, url: string, charset: string | undefined, parseTimeoutMs: number): Promise<NewsFeedItem[]> {
  const task: FeedTask = { format: 'feed', body, url, ...(charset ? { charset } : {}) };
  const result = await runTask(task, url, 'the feed', parseTimeoutMs);
  if (!('items' in result)) throw new BriefcastError(ErrorCodes.INTERNAL, 'the parsing pool answered a feed with an article', { subject: url });
  return result.items;
}

async function articleOf(pending: Promise<{ article: Article } | { items: NewsFeedItem[] }>): Promise<Article> {
  const result = await pending;
  if (!('article' in result)) throw new BriefcastError(ErrorCodes.INTERNAL, 'the parsing pool answered a page with feed items');
  return result.article;
}

/** One task in the pool under the time cap; `what` names the input in the cap's message. */
async function runTask(task: HtmlTask | FeedTask, source: string, what: string, parseTimeoutMs: number): Promise<{ article: Article } | { items: NewsFeedItem[] }> {
  const signal = AbortSignal.timeout(parseTimeoutMs);
  let result: HtmlTaskResult | FeedTaskResult;
  try {
    result = (await (await htmlPool()).run(task, { signal })) as HtmlTaskResult | FeedTaskResult;
  } catch (error) {
    if (signal.aborted) {
      throw new BriefcastError(ErrorCodes.INPUT_LIMIT, `${what} took longer than ${parseTimeoutMs} ms to ${task.format === 'feed' ? 'parse' : 'extract'}`, {
        subject: source,
        details: { limit: 'parseTimeoutMs', max: parseTimeoutMs },
      });
    }
    throw new BriefcastError(ErrorCodes.INTERNAL, `text extraction failed: ${error instanceof Error ? error.message : String(error)}`, { subject: source, cause: error });
  }
  if ('error' in result) {
    throw new BriefcastError(result.error.code as ErrorCode, result.error.message, { ...(result.error.subject ? { subject: result.error.subject } : {}) });
  }
  return result;
}

/** Stops the pool's threads (tests and shutdown); a later extraction starts a new pool. */
export async function closeHtmlPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  if (current) await (await current).destroy();
}
