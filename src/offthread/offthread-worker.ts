/**
 * Worker-thread entry of the off-thread pool (pool.ts): one task in, its result or an error record out.
 * Its own modules are imported statically: under tsx a pool thread loads this file through the CommonJS
 * hook, and a dynamic import() of a TypeScript module from it fails.
 */
import { cleanArticle } from '../clean/index.js';
import { toBriefcastError } from '../core/errors.js';
import type { Article, ScriptDocument } from '../core/types.js';
import { checkScript, type EarCheckReport } from '../ear-check/index.js';
import { parseNewsFeed } from '../ingest/feeds/parse-news-feed.js';
import type { NewsFeedItem } from '../ingest/feeds/types.js';
import type { HtmlLimits } from '../ingest/html-limits.js';
import { ingestHtml } from '../ingest/ingest-html.js';
import { ingestMarkdown } from '../ingest/ingest-markdown.js';
import { writeExtractiveScript, type ExtractiveWriterOptions } from '../script/extractive-writer.js';
import type { WriteScriptInput } from '../script/writer.js';

/** An HTML page; Markdown goes through the same pool (marked is as costly on hostile input). */
export interface PageTask {
  kind: 'page';
  format: 'html' | 'markdown';
  text: string;
  source: string;
  baseUrl?: string;
  limits: HtmlLimits;
}

/** A news feed's bytes: XML parsing is as costly as HTML on hostile input. */
export interface FeedTask {
  kind: 'feed';
  body: Uint8Array;
  url: string;
  charset?: string;
}

/** The extractive writer: its sentence scoring and coherence checks take a few hundred ms cold. */
export interface ScriptTask {
  kind: 'script';
  input: WriteScriptInput;
  options: ExtractiveWriterOptions;
}

/** The ear check of a written script. */
export interface EarCheckTask {
  kind: 'ear-check';
  script: ScriptDocument;
}

/** One ingested article through the cleaning rules and the language detector. */
export interface CleanTask {
  kind: 'clean';
  article: Article;
}

/** Does nothing: sent at start-up (pool.ts), so a thread has loaded this module before the first real task. */
export interface WarmTask {
  kind: 'warm';
}

export type OffThreadTask = PageTask | FeedTask | CleanTask | ScriptTask | EarCheckTask | WarmTask;

/** Errors cross the thread boundary as plain data: structured clone would drop the code. */
export type OffThreadResult =
  | { kind: 'page'; article: Article }
  | { kind: 'feed'; items: NewsFeedItem[] }
  | { kind: 'clean'; article: Article }
  | { kind: 'script'; script: ScriptDocument }
  | { kind: 'ear-check'; report: EarCheckReport }
  | { kind: 'warm' }
  | { kind: 'error'; error: { code: string; message: string; subject?: string } };

export default function runTask(task: OffThreadTask): OffThreadResult {
  try {
    switch (task.kind) {
      case 'page':
        return { kind: 'page', article: task.format === 'markdown' ? ingestMarkdown(task.text, task.source) : ingestHtml(task.text, task.source, task.baseUrl, task.limits) };
      case 'feed':
        return { kind: 'feed', items: parseNewsFeed(task.body, task.url, task.charset) };
      case 'clean':
        return { kind: 'clean', article: cleanArticle(task.article) };
      case 'script':
        return { kind: 'script', script: writeExtractiveScript(task.input, task.options) };
      case 'ear-check':
        return { kind: 'ear-check', report: checkScript(task.script) };
      case 'warm':
        return { kind: 'warm' };
    }
  } catch (error) {
    const failure = toBriefcastError(error);
    return { kind: 'error', error: { code: failure.code, message: failure.message, ...(failure.subject ? { subject: failure.subject } : {}) } };
  }
}
