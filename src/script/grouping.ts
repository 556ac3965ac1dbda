/**
 * Finds articles that tell the same story (two outlets, or an update) so the
 * briefing tells it once. Two articles belong together when their headlines,
 * opening sentences, names, figures and what happened are similar enough;
 * groups are closed under that relation (single link). Reports with
 * different headlines meet on the rest. A shared place and day is not enough
 * on its own: the words for what happened (names, days and places removed)
 * must overlap too, so two events in one city on one day stay apart.
 */
import type { Article } from '../core/types.js';
import { namedEntities, numbersIn } from './entities.js';
import { splitSentences } from './sentences.js';
import { contentTerms, cosine, termCounts, type TermVector } from './tokens.js';

export interface GroupingOptions {
  /** Similarity (0..1) at which two articles are taken to be the same story. */
  threshold: number;
}

export const DEFAULT_GROUPING: GroupingOptions = { threshold: 0.3 };

/** Below this overlap of what happened, articles are never grouped, however alike their places and days. */
const MIN_EVENT_SIMILARITY = 0.12;
const TIME_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon evening night week day local time city town'.split(' '),
);

interface Profile {
  title: TermVector;
  lead: TermVector;
  names: Set<string>;
  /** Content terms of the opening without names and time words: what happened. */
  event: TermVector;
  /** Figures of two or more digits, or decimals ("7.1", "2000"). */
  figures: Set<string>;
}

function profile(article: Article): Profile {
  const sentences = splitSentences(article.text);
  const lead = sentences.slice(0, 2).join(' ');
  const opening = `${article.title}. ${sentences.slice(0, 4).join(' ')}`;
  const names = namedEntities(opening).map((n) => n.toLowerCase());
  const nameWords = new Set(names.flatMap((n) => contentTerms(n)));
  return {
    title: termCounts(contentTerms(article.title)),
    lead: termCounts(contentTerms(lead)),
    names: new Set(namedEntities(`${article.title}. ${lead}`).map((n) => n.toLowerCase())),
    event: termCounts(contentTerms(opening).filter((t) => !nameWords.has(t) && !TIME_WORDS.has(t) && !/^\d/.test(t))),
    figures: new Set(numbersIn(opening).filter((n) => n.length >= 2 || n.includes('.'))),
  };
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

function profileSimilarity(a: Profile, b: Profile): number {
  const event = cosine(a.event, b.event);
  if (event < MIN_EVENT_SIMILARITY) return Math.min(event, 0.1);
  const wording = 0.35 * cosine(a.title, b.title) + 0.4 * cosine(a.lead, b.lead) + 0.25 * jaccard(a.names, b.names);
  // Different headlines: the event words and shared figures carry the match instead.
  const substance = 0.6 * event + 0.2 * jaccard(a.names, b.names) + 0.2 * Math.min(1, jaccard(a.figures, b.figures) * 2);
  return Math.max(wording, substance);
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
