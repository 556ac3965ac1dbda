/**
 * How much a story matters: more outlets, a bigger scale (people killed or
 * affected, money), newer reports and the producer's priority all raise it.
 * Importance orders the stories and sets their share of the word budget; the
 * breakdown is kept so the episode record can say why each story is where it is.
 */
import type { Article } from '../core/types.js';
import { scaleScore, scaleSignals, type ScaleSignals } from './scale.js';
import { splitSentences } from './sentences.js';

export interface ImportanceWeights {
  /** Added per source beyond the first. */
  perExtraSource: number;
  /** Multiplies the scale score (about 1 for a thousand dead or a million people affected; see scale.ts). */
  scale: number;
  /** Added for recency: 1 for the newest article of the briefing, falling by half a day later. */
  recency: number;
  /** Multiplies the producer's `priority`. */
  priority: number;
}

export const DEFAULT_IMPORTANCE: ImportanceWeights = { perExtraSource: 0.5, scale: 1, recency: 0.5, priority: 1 };

export interface Importance {
  weight: number;
  sources: number;
  scale: ScaleSignals;
  /** Days older than the briefing's newest article, when known. */
  ageDays?: number;
  priority: number;
  /** The same, in words: "2 outlets", "about 2,000 killed or hurt", "newest", "producer priority 1". */
  reasons: string[];
}

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

function largestScale(members: readonly Article[]): ScaleSignals {
  const all = members.map((a) => scaleSignals(`${a.title}. ${splitSentences(a.text, a.language).slice(0, 3).join(' ')}`, a.language));
  return {
    casualties: Math.max(0, ...all.map((s) => s.casualties)),
    affected: Math.max(0, ...all.map((s) => s.affected)),
    money: Math.max(0, ...all.map((s) => s.money)),
  };
}

const count = (n: number): string => Math.round(n).toLocaleString('en-GB');

export function explainImportance(
  members: readonly Article[],
  newest: number | undefined,
  weights: ImportanceWeights = DEFAULT_IMPORTANCE,
): Importance {
  const sources = new Set(members.map((a) => a.siteName ?? a.url ?? a.source)).size;
  const times = members.map(time).filter((t): t is number => t !== undefined);
  const latest = times.length > 0 ? Math.max(...times) : undefined;
  const ageDays = newest !== undefined && latest !== undefined ? Math.max(0, newest - latest) / 86_400_000 : undefined;
  const recency = ageDays === undefined ? 0 : 1 / (1 + 2 * ageDays);
  const priority = Math.max(...members.map((a) => a.priority ?? 0));
  const scale = largestScale(members);
  const size = scaleScore(scale);
  // Never zero or negative: every story keeps some share of the budget.
  const weight = Math.max(
    0.1,
    1 + weights.perExtraSource * (sources - 1) + weights.scale * size + weights.recency * recency + weights.priority * priority,
  );
  const reasons = [sources > 1 ? `${sources} outlets` : '1 outlet'];
  if (scale.casualties > 0) reasons.push(`${count(scale.casualties)} killed or hurt`);
  if (scale.affected > 0) reasons.push(`${count(scale.affected)} people affected`);
  if (scale.money > 0) reasons.push(`${count(scale.money)} in money`);
  if (ageDays !== undefined) reasons.push(ageDays < 1 / 24 ? 'newest' : `${(ageDays * 24).toFixed(1)} hours older than the newest`);
  if (priority !== 0) reasons.push(`producer priority ${priority}`);
  return { weight, sources, scale, ...(ageDays !== undefined ? { ageDays } : {}), priority, reasons };
}

export function storyImportance(
  members: readonly Article[],
  newest: number | undefined,
  weights: ImportanceWeights = DEFAULT_IMPORTANCE,
): number {
  return explainImportance(members, newest, weights).weight;
}
