import type { Article } from '../core/types.js';
import { mapConcurrent } from '../core/map-concurrent.js';
import { runOffThread } from '../offthread/pool.js';

/** Cleaning is regular expressions over text already bounded in size; this only catches a runaway pattern. */
const CLEAN_TIMEOUT_MS = 10_000;
/**
 * One article at a time: cleaning a warm thread's article takes a few ms, and a second task in flight
 * made the pool start its second thread (about 0.4 s to load, 1.3 s under tsx) in a running server
 * whose idle second thread had gone, so the step waited for that start.
 */
const IN_FLIGHT = 1;

/**
 * Cleans articles in the worker pool (clean/index.ts), in input order. The
 * rules and the language detector (tinyld, about 0.1 s to load) then never
 * load on the main thread. A failure is the BriefcastError cleanArticle threw
 * (INPUT_EMPTY naming the article's source).
 */
export function cleanArticles(articles: readonly Article[]): Promise<Article[]> {
  return mapConcurrent(articles, IN_FLIGHT, async (article) => {
    const run = { timeoutMs: CLEAN_TIMEOUT_MS, subject: article.source, overTimeMessage: `the article took longer than ${CLEAN_TIMEOUT_MS} ms to clean`, limit: 'cleanTimeoutMs' };
    return (await runOffThread({ kind: 'clean', article }, run)).article;
  });
}
