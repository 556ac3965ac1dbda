/**
 * Picks sentences for one story within a word budget by maximal marginal
 * relevance: each step takes the sentence (with the sentences it needs, such
 * as a quotation's speaker) whose score, less its similarity to what is
 * already chosen, is highest. The last pick may overshoot the budget when
 * that lands closer to it than stopping short.
 */
import { conflictingFigures } from './entities.js';
import type { Ranking } from './rank.js';
import type { StorySentence } from './story-sentences.js';
import { cosine, termCounts, type TermVector } from './tokens.js';

export interface SelectOptions {
  /** Trade-off between relevance (1) and novelty (0). */
  lambda: number;
  /** Sentences at least this similar to a chosen one are never added (near-duplicates across sources). */
  duplicateSimilarity: number;
  /**
   * The same, for sentences from different articles of one story: outlets word the same fact differently,
   * so a lower bar. Sentences whose figures disagree are kept, to be read side by side with attribution.
   */
  crossSourceDuplicate: number;
}

export const DEFAULT_SELECT_OPTIONS: SelectOptions = { lambda: 0.7, duplicateSimilarity: 0.6, crossSourceDuplicate: 0.3 };

function isDuplicate(a: StorySentence, b: StorySentence, sim: number, options: SelectOptions): boolean {
  if (a.article === b.article) return sim >= options.duplicateSimilarity;
  // Plain term overlap here: IDF over the merged story would discount exactly the words two outlets share.
  const plain = cosine(termCounts(a.terms), termCounts(b.terms));
  return plain >= options.crossSourceDuplicate && !conflictingFigures(a.raw, b.raw);
}

/** Returns the chosen sentence indices in story order. */
export function selectSentences(
  sentences: readonly StorySentence[],
  ranking: Ranking,
  budget: number,
  options: SelectOptions = DEFAULT_SELECT_OPTIONS,
): number[] {
  const chosen = new Set<number>();
  let used = 0;
  const maxScore = Math.max(1e-9, ...ranking.scores);
  const similarity = (i: number, j: number): number =>
    cosine(ranking.vectors[i] as TermVector, ranking.vectors[j] as TermVector);

  for (;;) {
    let best = -1;
    let bestValue = -Infinity;
    let bestUnit: number[] = [];
    let bestAdds = 0;
    for (let i = 0; i < sentences.length; i++) {
      if (chosen.has(i) || (sentences[i]?.words ?? 0) === 0) continue;
      const unit = [i, ...(sentences[i]?.requires ?? [])].filter((j) => !chosen.has(j));
      const adds = unit.reduce((sum, j) => sum + (sentences[j]?.words ?? 0), 0);
      const fits = used + adds <= budget || used + adds - budget < budget - used;
      if (!fits) continue;
      let redundancy = 0;
      let duplicate = false;
      for (const j of chosen) {
        const sim = similarity(i, j);
        redundancy = Math.max(redundancy, sim);
        duplicate ||= isDuplicate(sentences[i] as StorySentence, sentences[j] as StorySentence, sim, options);
      }
      if (duplicate) continue;
      const relevance = (ranking.scores[i] ?? 0) / maxScore;
      const value = options.lambda * relevance - (1 - options.lambda) * redundancy;
      if (value > bestValue) {
        best = i;
        bestValue = value;
        bestUnit = unit;
        bestAdds = adds;
      }
    }
    if (best < 0) break;
    for (const j of bestUnit) chosen.add(j);
    used += bestAdds;
    if (used >= budget) break;
  }

  // No story starves: with nothing chosen, take the shortest of the best few.
  if (chosen.size === 0) {
    const top = sentences
      .map((s, i) => ({ i, s, score: ranking.scores[i] ?? 0 }))
      .filter((x) => x.s.words > 0)
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, 3)
      .sort((a, b) => a.s.words - b.s.words || a.i - b.i)[0];
    if (top) for (const j of [top.i, ...top.s.requires]) chosen.add(j);
  }
  return [...chosen].sort((a, b) => a - b);
}
