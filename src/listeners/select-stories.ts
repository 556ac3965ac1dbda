import { namedEntities } from '../script/entities.js';
import type { Follows } from './listener.js';

/** A story of the day's pool, as the selection sees it. */
export interface PoolStory {
  segmentId: string;
  title: string;
  text: string;
  durationSeconds: number;
  /** Site names and hosts of the articles it tells. */
  sources: string[];
  /** Feed categories of those articles, where the feed gave any. */
  categories: string[];
  /** Article titles and bodies. */
  articleText: string;
}

export interface Selection {
  stories: PoolStory[];
  /** True when the listener follows nothing and gets the show's default briefing. */
  defaultBriefing: boolean;
}

const normalise = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

function containsTerm(haystack: string, term: string): boolean {
  const needle = normalise(term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${needle}($|[^\\p{L}\\p{N}])`, 'u').test(haystack);
}

/** Precomputed lowercase texts of a story, so matching 10,000 listeners does not re-normalise the pool. */
export interface IndexedStory {
  story: PoolStory;
  text: string;
  sources: string;
  categories: string[];
  entities: string[];
}

export function indexPool(pool: PoolStory[]): IndexedStory[] {
  return pool.map((story) => ({
    story,
    text: normalise(`${story.title}\n${story.text}\n${story.articleText}`),
    sources: normalise(story.sources.join('\n')),
    categories: story.categories.map(normalise),
    entities: namedEntities(`${story.title}. ${story.text}. ${story.articleText}`).map(normalise),
  }));
}

export function matchesFollows(indexed: IndexedStory, follows: Follows): boolean {
  if (follows.topics.some((topic) => indexed.categories.includes(normalise(topic)) || containsTerm(indexed.text, topic))) return true;
  if (follows.sources.some((source) => indexed.sources.includes(normalise(source)))) return true;
  return follows.people.some((name) => {
    const wanted = normalise(name);
    return indexed.entities.some((entity) => entity === wanted || containsTerm(entity, wanted)) || containsTerm(indexed.text, wanted);
  });
}

/**
 * The stories a listener gets: those matching what they follow, in the pool's
 * importance order, as many as fit in their length after the fixed parts.
 * The first match is kept even when it alone is longer (at least one story);
 * no match means no episode that day. Following nothing means the show's
 * default briefing: its stories in order, within the listener's length.
 */
export function selectStories(pool: IndexedStory[], follows: Follows, budgetSeconds: number): Selection {
  const followsNothing = follows.topics.length + follows.sources.length + follows.people.length === 0;
  const candidates = followsNothing ? pool : pool.filter((indexed) => matchesFollows(indexed, follows));
  const stories: PoolStory[] = [];
  let used = 0;
  for (const { story } of candidates) {
    if (stories.length > 0 && used + story.durationSeconds > budgetSeconds) continue;
    stories.push(story);
    used += story.durationSeconds;
  }
  return { stories, defaultBriefing: followsNothing };
}
