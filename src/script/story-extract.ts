/** Ranking and selection for one story: the part of the extractive writer the ROUGE benchmark scores. */
import type { Article } from '../core/types.js';
import { DEFAULT_RANK_WEIGHTS, rankSentences, type RankWeights } from './rank.js';
import { DEFAULT_SELECT_OPTIONS, selectSentences, type SelectOptions } from './select.js';
import { storySentences, type StorySentence, type StorySentenceOptions } from './story-sentences.js';
import { toSpoken } from './spoken.js';
import { contentTerms } from './tokens.js';

export interface ExtractOptions extends StorySentenceOptions {
  /** Rewrite for the ear (default true); off when scoring against written references. */
  spoken?: boolean;
  /** Locale the sentences are read in (see spoken.ts); default en-GB. */
  locale?: string;
  rankWeights?: Partial<RankWeights>;
  selection?: Partial<SelectOptions>;
}

export interface StoryPlan {
  sentences: StorySentence[];
  scores: number[];
  /** Words of every sentence together: the most this story can fill. */
  capacity: number;
  choose(budgetWords: number): number[];
}

/** Splits, rewrites and ranks a story's sentences once; `choose` then selects for any budget. */
export function planStory(articles: readonly Article[], title: string, options: ExtractOptions = {}): StoryPlan {
  const sentences = storySentences(articles, options.spoken !== false, options);
  const ranking = rankSentences(sentences, contentTerms(title), { ...DEFAULT_RANK_WEIGHTS, ...options.rankWeights });
  const selection = { ...DEFAULT_SELECT_OPTIONS, ...options.selection };
  return {
    sentences,
    scores: ranking.scores,
    capacity: sentences.reduce((sum, s) => sum + s.words, 0),
    choose: (budgetWords) => selectSentences(sentences, ranking, budgetWords, selection),
  };
}

/** The sentences the extractive writer would read for these articles within `budgetWords`, in story order. */
export function extractStorySentences(
  articles: readonly Article[],
  title: string,
  budgetWords: number,
  options: ExtractOptions = {},
): string[] {
  const plan = planStory(articles, title, options);
  return plan.choose(budgetWords).map((i) => plan.sentences[i]?.spoken ?? '').filter(Boolean);
}

export function spokenHeadline(title: string, spoken: boolean, locale?: string): string {
  const key = `${spoken ? 1 : 0}|${locale ?? ''}|${title}`;
  let headline = spokenHeadlines.get(key);
  if (headline === undefined) {
    headline = toSpoken(title, { enabled: spoken, ...(locale ? { locale } : {}) });
    if (spokenHeadlines.size >= SPOKEN_HEADLINES_KEPT) spokenHeadlines.clear();
    spokenHeadlines.set(key, headline);
  }
  return headline;
}

/**
 * Spoken headlines already worked out. The writer asks for every story's
 * headline again each time it drops a story to fit the length (the intro
 * names them), and toSpoken's rules cost milliseconds a headline: for 40
 * articles and a 60-minute target that was 2.2 s of a 3.3 s script.
 */
const spokenHeadlines = new Map<string, string>();
const SPOKEN_HEADLINES_KEPT = 2_000;
