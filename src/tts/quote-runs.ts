/**
 * Splits a story's text into narration and quotation runs, so a second voice
 * can read what someone said. Quotation marks stay with the quotation; runs of
 * bare punctuation between quotes stay with the narration around them.
 */
export interface TextRun {
  text: string;
  quote: boolean;
}

const QUOTE = /“[^”]+”|"[^"]+"/g;

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
  for (const match of text.matchAll(QUOTE)) {
    const start = match.index ?? 0;
    push(text.slice(last, start), false);
    // A quoted word or two ("so-called" scare quotes) is narration, not a speaker.
    push(match[0], match[0].split(/\s+/).length > 3);
    last = start + match[0].length;
  }
  push(text.slice(last), false);
  return runs.map((run) => ({ ...run, text: run.text.trim() })).filter((run) => run.text !== '');
}
