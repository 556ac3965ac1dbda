/** Worker-thread entry of the HTML extraction pool (html-pool.ts): one page in, an Article or an error record out. */
import { toBriefcastError } from '../core/errors.js';
import type { Article } from '../core/types.js';
import type { HtmlLimits } from './html-limits.js';
import { ingestHtml } from './ingest-html.js';

export interface HtmlTask {
  html: string;
  source: string;
  baseUrl?: string;
  limits: HtmlLimits;
}

/** Errors cross the thread boundary as plain data: structured clone would drop the code. */
export type HtmlTaskResult = { article: Article } | { error: { code: string; message: string; subject?: string } };

export default function extract(task: HtmlTask): HtmlTaskResult {
  try {
    return { article: ingestHtml(task.html, task.source, task.baseUrl, task.limits) };
  } catch (error) {
    const failure = toBriefcastError(error);
    return { error: { code: failure.code, message: failure.message, ...(failure.subject ? { subject: failure.subject } : {}) } };
  }
}
