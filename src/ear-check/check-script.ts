/**
 * The ear check: scores a written script for what a listener would hear as wrong. A
 * diagnostic beside the writer (it never changes a script), used for episode warnings
 * and by scripts/bench-ear-check.ts.
 */
import type { ScriptDocument, ScriptSegment } from '../core/types.js';
import { splitSentences } from '../language/split-sentences.js';
import { EAR_CHECK_CODES, excerpt, type EarCheckCode, type EarFinding } from './findings.js';
import { hasGluedDateline, isCaptionLike, unspeakablePart } from './line-checks.js';
import { offersAntecedent, opensWithConnective, opensWithPointer } from './openers.js';
import { quotesBalanced } from './quotes.js';
import { nearIdentical, sharedShare } from './repetition.js';

export interface EarCheckOptions {
  /** Target length; with wordsPerMinute, the length error is reported beyond ±tolerance. */
  targetSeconds?: number;
  wordsPerMinute?: number;
  /** Allowed length error as a fraction (default 0.1). */
  tolerance?: number;
}

export interface EarCheckReport {
  findings: EarFinding[];
  counts: Record<EarCheckCode, number>;
  /** Spoken length estimated from the word count, in seconds. */
  estimatedSeconds: number;
  /** (estimated - target) / target, when a target was given. */
  lengthError?: number;
}

function words(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/**
 * True when the story's first sentence is its headline read out: near-identical to the title, and little more. A
 * lead sentence that carries the headline's words and says more is the article's own first sentence, and what
 * follows it was written to follow it ("X used to make a living as a model. But after ten years he ...").
 */
function headlineOf(segment: ScriptSegment, first: string): boolean {
  return segment.title !== undefined && nearIdentical(segment.title, first) && sharedShare(first, segment.title) >= HEADLINE_SHARE;
}
/** Share of a sentence's words in the title for it to be the headline read (a spoken headline rewrites some words). */
const HEADLINE_SHARE = 0.7;

function checkStory(segment: ScriptSegment, sentences: string[], language: string, add: (code: EarCheckCode, message: string, text?: string) => void): void {
  const [first = '', second] = sentences;
  const opensWithHeadline = headlineOf(segment, first);
  const openers = opensWithHeadline && second !== undefined ? [first, second] : [first];
  openers.forEach((sentence, i) => {
    if (opensWithConnective(sentence, language)) add('context-opener', 'story opens with a connective that answers something not said', sentence);
    // After the headline, a pronoun may point to a name in it.
    else if (opensWithPointer(sentence, language) && (i === 0 || !offersAntecedent(openers[0] ?? ''))) add('context-opener', 'story opens with a pronoun whose antecedent was not read', sentence);
  });
  sentences.slice(0, 2).forEach((sentence) => {
    if (hasGluedDateline(sentence)) add('glued-dateline', 'a dateline is run into the first word', sentence);
  });
  // A headline of the "Police: officer fired two shots" kind is a headline style, not a caption.
  for (const sentence of opensWithHeadline ? sentences.slice(1) : sentences) if (isCaptionLike(sentence)) add('caption-line', 'a photo caption or label is read as story text', sentence);
  if (!quotesBalanced(segment.text)) add('unbalanced-quotes', 'quotation marks do not pair up', segment.text);
}

/** Checks every segment, and repetitions across neighbouring segments (intro teaser vs story opening). */
export function checkScript(script: ScriptDocument, options: EarCheckOptions = {}): EarCheckReport {
  const findings: EarFinding[] = [];
  const intro = script.segments.find((segment) => segment.kind === 'intro');
  // The list's own "and" before its last item is not a word of that item: "; and Car bomb" names three words, not four.
  const introParts = intro
    ? intro.text.split(/[.;:!?]\s+|\s+and\s+/).map((p) => p.trim().replace(/^and\s+/i, '')).filter((p) => p.split(/\s+/).length >= 4)
    : [];
  for (const segment of script.segments) {
    const add = (code: EarCheckCode, message: string, text?: string) =>
      findings.push({ code, message, segmentId: segment.id, ...(text ? { excerpt: excerpt(text) } : {}) });
    const language = segment.language ?? script.language;
    const sentences = splitSentences(segment.text, language);
    // Within a segment; the intro's teaser against a story's opening is checked below, once.
    let previous: string | undefined;
    for (const sentence of sentences) {
      if (previous !== undefined && nearIdentical(previous, sentence)) add('repetition', 'the same thing is said twice in a row', sentence);
      previous = sentence;
    }
    const unspeakable = unspeakablePart(segment.text, language);
    if (unspeakable) add('unspeakable', `the voice cannot say "${unspeakable}"`, segment.text);
    if (segment.kind !== 'story') continue;
    const opening = sentences[0] ?? '';
    if (introParts.some((part) => nearIdentical(part, opening))) add('repetition', 'the story opens with words the intro already read in full', opening);
    checkStory(segment, sentences, language, add);
  }
  const estimatedSeconds = (script.segments.reduce((n, s) => n + words(s.text), 0) * 60) / (options.wordsPerMinute ?? 150);
  let lengthError: number | undefined;
  if (options.targetSeconds) {
    lengthError = (estimatedSeconds - options.targetSeconds) / options.targetSeconds;
    const tolerance = options.tolerance ?? 0.1;
    if (Math.abs(lengthError) > tolerance) {
      findings.push({ code: 'length', message: `script reads about ${Math.round(estimatedSeconds)} s for a ${Math.round(options.targetSeconds)} s target (${(lengthError * 100).toFixed(0)}%)` });
    }
  }
  const counts = Object.fromEntries(EAR_CHECK_CODES.map((code) => [code, findings.filter((f) => f.code === code).length])) as Record<EarCheckCode, number>;
  return { findings, counts, estimatedSeconds, ...(lengthError !== undefined ? { lengthError } : {}) };
}
