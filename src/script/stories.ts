/** A story is what one story segment tells: one article, or several about the same event. */
import type { Article } from '../core/types.js';
import { storySegmentId } from './segment-ids.js';

export interface Story {
  id: string;
  /** Members, the lead (most important) first. */
  articles: Article[];
  title: string;
  /** Relative importance: sets the order and the share of the budget. */
  weight: number;
}

/** Drops repeated article ids (the same article given twice), keeping the first. */
export function uniqueArticles(articles: readonly Article[]): Article[] {
  const seen = new Set<string>();
  return articles.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}

/** One story per article, in the producer's order, equal weights. */
export function singleArticleStories(articles: readonly Article[]): Story[] {
  return uniqueArticles(articles).map((article) => ({
    id: storySegmentId([article.id]),
    articles: [article],
    title: article.title,
    weight: 1,
  }));
}
