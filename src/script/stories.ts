/** A story is what one story segment tells: one article, or several about the same event. */
import type { Article } from '../core/types.js';
import { DEFAULT_GROUPING, groupArticles, type GroupingOptions } from './grouping.js';
import { DEFAULT_IMPORTANCE, explainImportance, newestTime, type Importance, type ImportanceWeights } from './importance.js';
import { storySegmentId } from './segment-ids.js';

export interface Story {
  id: string;
  /** Members, the lead (highest priority, then first given) first. */
  articles: Article[];
  title: string;
  /** Relative importance: sets the order and the share of the budget. */
  weight: number;
  /** What the weight is made of, for the episode record. */
  importance: Importance;
}

export interface StoryOptions {
  /** Tell articles about the same event as one story (default on); false keeps one story per article. */
  grouping?: boolean | Partial<GroupingOptions>;
  /** "importance" (default) puts the most important story first; "given" keeps the producer's order. */
  order?: 'importance' | 'given';
  importance?: Partial<ImportanceWeights>;
}

/** Drops repeated article ids (the same article given twice), keeping the first. */
export function uniqueArticles(articles: readonly Article[]): Article[] {
  const seen = new Set<string>();
  return articles.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}

export function buildStories(input: readonly Article[], options: StoryOptions = {}): Story[] {
  const articles = uniqueArticles(input);
  const groups =
    options.grouping === false
      ? articles.map((_, i) => [i])
      : groupArticles(articles, { ...DEFAULT_GROUPING, ...(typeof options.grouping === 'object' ? options.grouping : {}) });
  const newest = newestTime(articles);
  const weights = { ...DEFAULT_IMPORTANCE, ...options.importance };
  const stories = groups.map((group) => {
    const members = group
      .map((i) => articles[i] as Article)
      .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
    const lead = members[0] as Article;
    const importance = explainImportance(members, newest, weights);
    return {
      id: storySegmentId(members.map((a) => a.id)),
      articles: members,
      title: lead.title,
      weight: importance.weight,
      importance,
      first: group[0] ?? 0,
    };
  });
  if (options.order !== 'given') stories.sort((a, b) => b.weight - a.weight || a.first - b.first);
  return stories.map(({ first: _first, ...story }) => story);
}
