import type { Piscina } from 'piscina';
import { BriefcastError, ErrorCodes, type ErrorCode } from '../core/errors.js';
import type { Article } from '../core/types.js';
import type { HtmlLimits } from './html-limits.js';
import type { HtmlTask, HtmlTaskResult } from './html-worker.js';

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
  return runTask({ html, source, limits: { maxDepth: limits.maxDepth, maxNodes: limits.maxNodes }, ...(baseUrl ? { baseUrl } : {}) }, limits.parseTimeoutMs);
}

/** Markdown through the same pool and time cap. */
export function extractMarkdown(markdown: string, source: string, limits: HtmlExtractLimits): Promise<Article> {
  return runTask({ format: 'markdown', html: markdown, source, limits: { maxDepth: limits.maxDepth, maxNodes: limits.maxNodes } }, limits.parseTimeoutMs);
}

async function runTask(task: HtmlTask, parseTimeoutMs: number): Promise<Article> {
  const { source } = task;
  const limits = { parseTimeoutMs };
  const signal = AbortSignal.timeout(limits.parseTimeoutMs);
  let result: HtmlTaskResult;
  try {
    result = (await (await htmlPool()).run(task, { signal })) as HtmlTaskResult;
  } catch (error) {
    if (signal.aborted) {
      throw new BriefcastError(ErrorCodes.INPUT_LIMIT, `${task.format === 'markdown' ? 'Markdown' : 'HTML'} took longer than ${limits.parseTimeoutMs} ms to extract`, {
        subject: source,
        details: { limit: 'parseTimeoutMs', max: limits.parseTimeoutMs },
      });
    }
    throw new BriefcastError(ErrorCodes.INTERNAL, `text extraction failed: ${error instanceof Error ? error.message : String(error)}`, { subject: source, cause: error });
  }
  if ('error' in result) {
    throw new BriefcastError(result.error.code as ErrorCode, result.error.message, { ...(result.error.subject ? { subject: result.error.subject } : {}) });
  }
  return result.article;
}

/** Stops the pool's threads (tests and shutdown); a later extraction starts a new pool. */
export async function closeHtmlPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  if (current) await (await current).destroy();
}
