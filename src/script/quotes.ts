/**
 * Keeps quotations with their speaker. For each sentence we compute the other
 * sentences it cannot be read without: the attribution of a quotation that has
 * none of its own, or the sentence that names the speaker of a quotation
 * running over several sentences (or paragraphs: see quote-spans.ts).
 */
import { analyseQuotes, quotationSpans, type QuoteState } from './quote-spans.js';

const ATTRIBUTION =
  /\b(said|says|say|told|tells|added|adds|asked|asks|explained|explains|wrote|writes|stated|states|insisted|insists|warned|warns|argued|argues|noted|notes|claimed|claims|declared|announced|replied|recalled|continued|admitted|acknowledged|tweeted|posted|commented|according to|quoted|urged|vowed|cautioned)\b/i;

function quoteMarks(sentence: string): number {
  return (sentence.match(/["“”]/g) ?? []).length;
}

export function hasQuotation(sentence: string): boolean {
  return quoteMarks(sentence) > 0;
}

export function hasAttribution(sentence: string): boolean {
  return ATTRIBUTION.test(sentence) || /:\s*["“]/.test(sentence) || /:\s*$/.test(sentence);
}

/**
 * For every sentence, the indices of sentences that must be kept with it
 * (never including itself). Requirements are not transitive on purpose:
 * each list is complete.
 */
export function quoteRequirements(
  sentences: readonly string[],
  states: readonly QuoteState[] = analyseQuotes([sentences]),
): number[][] {
  const requires: number[][] = sentences.map(() => []);
  const inSpan = new Set<number>();

  for (const [first, last] of quotationSpans(states)) {
    let speaker = -1;
    for (let i = first; i <= last && speaker < 0; i++) if (ATTRIBUTION.test(sentences[i] ?? '')) speaker = i;
    if (speaker < 0 && first > 0 && hasAttribution(sentences[first - 1] ?? '')) speaker = first - 1;
    if (speaker < 0 && last + 1 < sentences.length && hasAttribution(sentences[last + 1] ?? '')) speaker = last + 1;
    for (let i = first; i <= last; i++) {
      inSpan.add(i);
      // The opening sentence keeps the quotation readable; the speaker names it.
      const needs = new Set<number>([first, speaker].filter((x) => x >= 0 && x !== i));
      requires[i] = [...needs].sort((a, b) => a - b);
    }
    if (speaker >= 0 && speaker < first) requires[first] = [speaker];
  }

  sentences.forEach((s, i) => {
    if (inSpan.has(i) || !hasQuotation(s) || hasAttribution(s)) return;
    const prev = sentences[i - 1];
    const next = sentences[i + 1];
    if (prev !== undefined && hasAttribution(prev)) requires[i] = [i - 1];
    else if (next !== undefined && ATTRIBUTION.test(next)) requires[i] = [i + 1];
    else if (prev !== undefined) requires[i] = [i - 1];
  });
  return requires;
}
