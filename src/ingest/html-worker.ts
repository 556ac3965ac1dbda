/** Worker-thread entry of the HTML extraction pool (html-pool.ts): one page in, an Article or an error record out. */
import { toBriefcastError } from '../core/errors.js';
import type { Article } from '../core/types.js';
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

/** Errors cross the thread boundary as plain data: structured clone would drop the code. */
export type HtmlTaskResult = { article: Article } | { error: { code: string; message: string; subject?: string } };

export default function extract(task: HtmlTask): HtmlTaskResult {
  try {
    if (task.format === 'markdown') return { article: ingestText(task.html, task.source, 'markdown') };
    return { article: ingestHtml(task.html, task.source, task.baseUrl, task.limits) };
  } catch (error) {
    const failure = toBriefcastError(error);
    return { error: { code: failure.code, message: failure.message, ...(failure.subject ? { subject: failure.subject } : {}) } };
  }
}
