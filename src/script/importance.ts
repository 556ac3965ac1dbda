/**
 * How much a story matters: more outlets, newer reports and the producer's
 * priority all raise it. Importance orders the stories and sets their share
 * of the word budget.
 */
import type { Article } from '../core/types.js';

export interface ImportanceWeights {
  /** Added per source beyond the first. */
  perExtraSource: number;
  /** Added for recency: 1 for the newest article of the briefing, falling by half a day later. */
  recency: number;
  /** Multiplies the producer's `priority`. */
  priority: number;
}

export const DEFAULT_IMPORTANCE: ImportanceWeights = { perExtraSource: 0.5, recency: 0.5, priority: 1 };

function time(article: Article): number | undefined {
  if (!article.publishedAt) return undefined;
  const t = Date.parse(article.publishedAt);
  return Number.isNaN(t) ? undefined : t;
}

/** The newest publication time among the articles, the reference point for recency. */
export function newestTime(articles: readonly Article[]): number | undefined {
  const times = articles.map(time).filter((t): t is number => t !== undefined);
  return times.length > 0 ? Math.max(...times) : undefined;
}

export function storyImportance(
  members: readonly Article[],
  newest: number | undefined,
  weights: ImportanceWeights = DEFAULT_IMPORTANCE,
): number {
  const sources = new Set(members.map((a) => a.siteName ?? a.url ?? a.source)).size;
  const times = members.map(time).filter((t): t is number => t !== undefined);
  const latest = times.length > 0 ? Math.max(...times) : undefined;
  const ageDays = newest !== undefined && latest !== undefined ? Math.max(0, newest - latest) / 86_400_000 : undefined;
  const recency = ageDays === undefined ? 0 : 1 / (1 + 2 * ageDays);
  const priority = Math.max(...members.map((a) => a.priority ?? 0));
  // Never zero or negative: every story keeps some share of the budget.
  return Math.max(0.1, 1 + weights.perExtraSource * (sources - 1) + weights.recency * recency + weights.priority * priority);
}
