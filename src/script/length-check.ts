/**
 * Length is a promise: the writer aims at the target, and where it cannot
 * (the sources are shorter than the target) the producer is told.
 */
import type { Article, ScriptDocument } from '../core/types.js';
import type { EpisodeWarning } from '../core/episode.js';
import { countWords } from './tokens.js';

export interface LengthInput {
  articles: readonly Article[];
  targetSeconds: number;
  wordsPerMinute: number;
  pauses?: { segmentMs: number; storyMs: number };
  segmentSeconds?: number;
}

/** Seconds of silence between segments, as the episode layout puts them (after a story: storyMs; else segmentMs). */
export function pauseSeconds(kinds: readonly string[], pauses?: { segmentMs: number; storyMs: number }): number {
  if (!pauses) return 0;
  let ms = 0;
  for (let i = 1; i < kinds.length; i++) ms += kinds[i - 1] === 'story' ? pauses.storyMs : pauses.segmentMs;
  return ms / 1000;
}

/** Spoken length of a script at the given rate, pauses and each segment's own lead-in included (music excluded). */
export function estimatedSeconds(
  script: ScriptDocument,
  wordsPerMinute: number,
  pauses?: { segmentMs: number; storyMs: number },
  segmentSeconds = 0,
): number {
  const words = script.segments.reduce((sum, s) => sum + countWords(s.text), 0);
  const fixed = pauseSeconds(script.segments.map((s) => s.kind), pauses) + script.segments.length * segmentSeconds;
  return (words * 60) / wordsPerMinute + fixed;
}

export function sourceWords(articles: readonly Article[]): number {
  return articles.reduce((sum, a) => sum + countWords(a.text), 0);
}

const minutes = (seconds: number): string => `${(seconds / 60).toFixed(1)} min`;

/** Warnings for the episode record and the CLI; empty when the script keeps the promise. */
export function lengthWarnings(input: LengthInput, script: ScriptDocument): EpisodeWarning[] {
  const targetWords = (input.targetSeconds * input.wordsPerMinute) / 60;
  const available = sourceWords(input.articles);
  const estimate = estimatedSeconds(script, input.wordsPerMinute, input.pauses, input.segmentSeconds);
  if (available < targetWords) {
    return [{
      code: 'SOURCES_SHORT',
      message: `sources are shorter than the target: ${available} words for a ${minutes(input.targetSeconds)} target ` +
        `(about ${Math.round(targetWords)} words at ${input.wordsPerMinute} wpm); the episode runs about ${minutes(estimate)}`,
    }];
  }
  if (Math.abs(estimate - input.targetSeconds) > 0.1 * input.targetSeconds) {
    return [{ code: 'LENGTH_OFF_TARGET', message: `script runs about ${minutes(estimate)} against a ${minutes(input.targetSeconds)} target` }];
  }
  return [];
}
