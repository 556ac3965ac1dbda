/**
 * Saying each thing once: a headline the lead sentence already carries is not
 * read before it, a sentence that repeats the one before is dropped, and the
 * intro names stories by short labels instead of reading their headlines.
 */
import { contentTerms, cosine, termCounts } from './tokens.js';

/** Share of `a`'s content terms that also occur in `b`. */
function containment(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return 0;
  const inB = new Set(b);
  return a.filter((t) => inB.has(t)).length / a.length;
}

/** True when the lead sentence says what the headline says (most of its content words), so the headline can go. */
export function leadCarriesHeadline(headline: string, lead: string): boolean {
  const h = [...new Set(contentTerms(headline))];
  return h.length > 0 && containment(h, contentTerms(lead)) >= 0.7;
}

/** Two sentences a listener would hear as the same: equal content, or one inside the other. */
export function nearIdentical(a: string, b: string): boolean {
  const ta = contentTerms(a);
  const tb = contentTerms(b);
  if (ta.length === 0 || tb.length === 0) return a.trim().toLowerCase() === b.trim().toLowerCase();
  const [shorter, longer] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  return cosine(termCounts(ta), termCounts(tb)) >= 0.85 || containment([...new Set(shorter)], longer) >= 0.9;
}

/** Drops each sentence that is near-identical to the sentence spoken just before it. */
export function withoutRepeats(sentences: readonly string[]): string[] {
  const out: string[] = [];
  for (const sentence of sentences) {
    const previous = out[out.length - 1];
    if (previous !== undefined && nearIdentical(previous, sentence)) continue;
    out.push(sentence);
  }
  return out;
}

const TRAILING_FUNCTION_WORD =
  /\s+(?:a|an|the|to|of|in|on|at|for|with|by|as|and|or|but|from|over|after|before|into|its|his|her|their|is|are|was|were|be|has|have|had|will|would|could|can|may|amid|than|that|this|who|which)$/i;

/**
 * A short label for a story in the intro: the headline's first clause, without
 * figures, at most `maxWords` words, never ending on a function word.
 */
export function storyLabel(headline: string, maxWords = 6): string {
  const clause = headline.split(/\s*(?:[:;?!|]|\s[-–—]\s|,\s)\s*/)[0] ?? headline;
  const words = clause
    .split(/\s+/)
    .filter((w) => w !== '' && !/\d/.test(w) && !/^[£$€¥₹]/.test(w));
  let label = words.slice(0, maxWords).join(' ');
  while (TRAILING_FUNCTION_WORD.test(label)) label = label.replace(TRAILING_FUNCTION_WORD, '');
  return label.replace(/[.,;:'"“”‘’]+$/g, '').trim() || headline.trim();
}
