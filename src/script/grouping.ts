/**
 * Finds articles that tell the same story (two outlets, or an update) so the
 * briefing tells it once. Two articles belong together when their headlines,
 * opening sentences and names are similar enough; groups are closed under
 * that relation (single link).
 */
import type { Article } from '../core/types.js';
import { namedEntities } from './entities.js';
import { splitSentences } from './sentences.js';
import { contentTerms, cosine, termCounts, type TermVector } from './tokens.js';

export interface GroupingOptions {
  /** Similarity (0..1) at which two articles are taken to be the same story. */
  threshold: number;
}

export const DEFAULT_GROUPING: GroupingOptions = { threshold: 0.3 };

interface Profile {
  title: TermVector;
  lead: TermVector;
  names: Set<string>;
}

function profile(article: Article): Profile {
  const lead = splitSentences(article.text).slice(0, 2).join(' ');
  return {
    title: termCounts(contentTerms(article.title)),
    lead: termCounts(contentTerms(lead)),
    names: new Set(namedEntities(`${article.title}. ${lead}`).map((n) => n.toLowerCase())),
  };
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

function profileSimilarity(a: Profile, b: Profile): number {
  return 0.35 * cosine(a.title, b.title) + 0.4 * cosine(a.lead, b.lead) + 0.25 * jaccard(a.names, b.names);
}

/** Groups articles (indices into the input) that tell the same story; groups and members keep input order. */
export function groupArticles(articles: readonly Article[], options: GroupingOptions = DEFAULT_GROUPING): number[][] {
  const profiles = articles.map(profile);
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      if (profileSimilarity(profiles[i] as Profile, profiles[j] as Profile) >= options.threshold) {
        const [ri, rj] = [find(i), find(j)];
        if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
      }
    }
  }
  const groups = new Map<number, number[]>();
  articles.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  return [...groups.values()];
}
