/**
 * Worker-thread entry of the off-thread pool (pool.ts): one task in, its result or an error record out.
 * Its own modules are imported statically: under tsx a pool thread loads this file through the CommonJS
 * hook, and a dynamic import() of a TypeScript module from it fails.
 */
import { cleanArticle } from '../clean/index.js';
import { parseNewsFeed } from '../ingest/feeds/parse-news-feed.js';
import { ingestHtml } from '../ingest/ingest-html.js';
import { ingestMarkdown } from '../ingest/ingest-markdown.js';
import runScriptTask from './script-worker.js';
import { failedTask, isScriptKindTask, type OffThreadResult, type OffThreadTask } from './task-types.js';

export default function runTask(task: OffThreadTask): OffThreadResult {
  if (isScriptKindTask(task)) return runScriptTask(task);
  try {
    switch (task.kind) {
      case 'page':
        return { kind: 'page', article: task.format === 'markdown' ? ingestMarkdown(task.text, task.source) : ingestHtml(task.text, task.source, task.baseUrl, task.limits) };
      case 'feed':
        return { kind: 'feed', items: parseNewsFeed(task.body, task.url, task.charset) };
      case 'clean':
        return { kind: 'clean', article: cleanArticle(task.article) };
    }
  } catch (error) {
    return failedTask(error);
  }
}
