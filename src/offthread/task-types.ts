/** What the worker pool's threads run (pool.ts): the tasks, their results, and how a failure crosses the thread boundary. */

import { toBriefcastError } from '../core/errors.js';
import type { Article, ScriptDocument } from '../core/types.js';
import type { EarCheckReport } from '../ear-check/index.js';
import type { NewsFeedItem } from '../ingest/feeds/types.js';
import type { HtmlLimits } from '../ingest/html-limits.js';
import type { ExtractiveWriterOptions } from '../script/extractive-writer.js';
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

/** The tasks script-worker.ts runs on its own. */
export type ScriptKindTask = ScriptTask | EarCheckTask | WarmTask;

export function isScriptKindTask(task: OffThreadTask): task is ScriptKindTask {
  return task.kind === 'script' || task.kind === 'ear-check' || task.kind === 'warm';
}

/** Errors cross the thread boundary as plain data: structured clone would drop the code. */
export type OffThreadResult =
  | { kind: 'page'; article: Article }
  | { kind: 'feed'; items: NewsFeedItem[] }
  | { kind: 'clean'; article: Article }
  | { kind: 'script'; script: ScriptDocument }
  | { kind: 'ear-check'; report: EarCheckReport }
  | { kind: 'warm' }
  | { kind: 'error'; error: { code: string; message: string; subject?: string } };

/** A task's failure as plain data, its code kept. */
export function failedTask(error: unknown): OffThreadResult {
  const failure = toBriefcastError(error);
  return { kind: 'error', error: { code: failure.code, message: failure.message, ...(failure.subject ? { subject: failure.subject } : {}) } };
}
