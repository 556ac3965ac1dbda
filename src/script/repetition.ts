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

/**
 * True when `headline` is mostly a quotation ('"We will rebuild," the mayor says') whose words `sentence` reads:
 * the quotation is then heard in place, with its speaker, and the headline would say it a second time.
 */
export function quotesFrom(headline: string, sentence: string): boolean {
  const quoted = /["“]([^"“”]+)["”]/.exec(headline)?.[1] ?? '';
  const terms = [...new Set(contentTerms(quoted))];
  if (terms.length < 3 || terms.length * 2 < new Set(contentTerms(headline)).size) return false;
  return containment(terms, contentTerms(sentence)) >= 0.75;
}

/** Two sentences a listener would hear as the same: equal content, or one inside the other. */
export function nearIdentical(a: string, b: string): boolean {
  const ta = contentTerms(a);
  const tb = contentTerms(b);
  if (ta.length === 0 || tb.length === 0) return a.trim().toLowerCase() === b.trim().toLowerCase();
  const [shorter, longer] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  // Three of a short sentence's four topic words said again is heard as a repeat ("This page includes the
  // transcript. On this page you will find the transcript ...").
  return cosine(termCounts(ta), termCounts(tb)) >= 0.85 || containment([...new Set(shorter)], longer) >= 0.75;
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

export { storyLabel } from './story-label.js';
