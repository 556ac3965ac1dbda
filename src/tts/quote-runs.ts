/**
 * Splits a story's text into narration and quotation runs, so a second voice
 * can read what someone said. The runs follow the quotation spans found by
 * reading each mark's direction (src/script/quote-spans.ts): a mark after a
 * space opens, one after a word closes. A mark that opens nothing it closes
 * (a stray, or a quotation left open at the end) never turns narration into
 * a quotation: only a span with both its marks goes to the quotes voice.
 */
import { quotationRanges } from '../script/quote-spans.js';

export interface TextRun {
  text: string;
  quote: boolean;
}

/** A quoted word or two ("so-called" scare quotes) is narration, not a speaker. */
const MIN_QUOTE_WORDS = 4;

export function splitQuoteRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const push = (piece: string, quote: boolean) => {
    if (!piece.trim()) return;
    const last = runs[runs.length - 1];
    // "Words," he said. — a bare comma or full stop is not worth its own request.
    if (!/[\p{L}\p{N}]/u.test(piece) && last) last.text += piece;
    else if (last && last.quote === quote) last.text += piece;
    else runs.push({ text: piece, quote });
  };
  let last = 0;
  for (const [start, end] of quotationRanges(text)) {
    push(text.slice(last, start), false);
    const quoted = text.slice(start, end);
    push(quoted, quoted.trim().split(/\s+/).length >= MIN_QUOTE_WORDS);
    last = end;
  }
  push(text.slice(last), false);
  return runs.map((run) => ({ ...run, text: run.text.trim() })).filter((run) => run.text !== '');
}
