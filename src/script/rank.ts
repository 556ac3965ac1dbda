/**
 * Scores sentences for an extract: a position prior (news puts the point
 * first), centrality (TF-IDF cosine to the whole story) and overlap with the
 * headline, damped for very short sentences.
 */
import type { StorySentence } from './story-sentences.js';
import { cosine, overlap, type TermVector } from './tokens.js';

export interface RankWeights {
  position: number;
  centrality: number;
  headline: number;
  /** How fast the position prior falls: prior = 1 / (1 + position / decay). */
  positionDecay: number;
  /** Multiplier for sentences from a story's other sources, so the lead source tells the story and the rest add to it. */
  otherSource: number;
}

export const DEFAULT_RANK_WEIGHTS: RankWeights = { position: 1, centrality: 2, headline: 0.5, positionDecay: 3, otherSource: 0.85 };

export interface Ranking {
  scores: number[];
  vectors: TermVector[];
}

function tfidfVectors(sentences: readonly StorySentence[]): TermVector[] {
  const df = new Map<string, number>();
  for (const s of sentences) for (const t of new Set(s.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = sentences.length;
  return sentences.map((s) => {
    const v: TermVector = new Map();
    for (const t of s.terms) v.set(t, (v.get(t) ?? 0) + Math.log(1 + n / (df.get(t) ?? 1)));
    return v;
  });
}

export function rankSentences(
  sentences: readonly StorySentence[],
  headlineTerms: readonly string[],
  weights: RankWeights = DEFAULT_RANK_WEIGHTS,
): Ranking {
  const vectors = tfidfVectors(sentences);
  const centroid: TermVector = new Map();
  for (const v of vectors) for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w);
  const scores = sentences.map((s, i) => {
    if (s.words === 0) return 0;
    const prior = 1 / (1 + s.position / weights.positionDecay);
    const central = cosine(vectors[i] as TermVector, centroid);
    const head = headlineTerms.length > 0 ? overlap(headlineTerms, s.terms) : 0;
    const shortness = Math.min(1, s.words / 10);
    const source = s.article === 0 ? 1 : weights.otherSource;
    return source * s.quality * shortness * (weights.position * prior + weights.centrality * central + weights.headline * head);
  });
  return { scores, vectors };
}
