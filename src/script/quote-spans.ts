/**
 * Where quotations are, across sentences and paragraphs. News style marks a
 * quotation that runs over paragraphs by leaving the first paragraph's quote
 * open and opening the next one again; counting marks per sentence gets that
 * wrong, so each mark is read by its direction (a mark after a space opens,
 * one after a word closes) with the paragraph convention on top.
 */

export interface QuoteState {
  /** Inside a quotation at the start of the sentence (it continues one). */
  openAtStart: boolean;
  /** Inside a quotation at the end (the quotation continues after it). */
  openAtEnd: boolean;
  /** The sentence with marks that carry no quotation removed: a paragraph's re-opening mark, a stray closer. */
  text: string;
}

const MARK = /["“”]/;

function opens(text: string, at: number): boolean {
  const mark = text[at];
  if (mark === '“') return true;
  if (mark === '”') return false;
  const before = text[at - 1];
  const after = text[at + 1];
  const beforeIsSpace = before === undefined || /[\s([{—–-]/.test(before);
  const afterIsSpace = after === undefined || /\s/.test(after);
  return beforeIsSpace && !afterIsSpace;
}

/**
 * Character ranges [start, end) of the closed quotations in one text, marks included. An opening mark inside an
 * open quotation restarts it (the earlier mark was stray); a closing mark with nothing open and a quotation still
 * open at the end are not quotations.
 */
export function quotationRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let openedAt = -1;
  for (let i = 0; i < text.length; i++) {
    if (!MARK.test(text[i] ?? '')) continue;
    if (opens(text, i)) openedAt = i;
    else if (openedAt >= 0) {
      ranges.push([openedAt, i + 1]);
      openedAt = -1;
    }
  }
  return ranges;
}

/** Reads the quotation state of every sentence; `paragraphs` are the sentences of each paragraph, in order. */
export function analyseQuotes(paragraphs: ReadonlyArray<readonly string[]>): QuoteState[] {
  const out: QuoteState[] = [];
  let open = false;
  paragraphs.forEach((sentences) => {
    sentences.forEach((sentence, s) => {
      let text = sentence;
      if (open) {
        // The paragraph convention: an open quotation continues only when the new paragraph opens it again. The same
        // reopening mark at a sentence start inside a paragraph is that convention on a page that lost its paragraph
        // breaks ('"We lost boats. "Nobody wants that," she said.'): the quotation goes on and the mark is dropped.
        // A mark standing alone (' " The result ...') closes the quotation the splitter left in the sentence before.
        const lead = /^\s*["“]/.exec(text);
        if (lead && opens(text, lead[0].length - 1)) text = text.slice(lead[0].length);
        else if (s === 0 && !lead) {
          const previous = out[out.length - 1];
          open = false;
          if (previous) previous.openAtEnd = true;
        }
      }
      const openAtStart = open;
      let kept = '';
      // Where in `kept` this sentence opened the quotation still open (-1: none opened here).
      let openedAt = -1;
      for (let i = 0; i < text.length; i++) {
        const ch = text[i] ?? '';
        if (!MARK.test(ch)) {
          kept += ch;
          continue;
        }
        if (opens(text, i)) {
          // An opening mark inside an open quotation: the earlier one was never closed; start again here, and
          // drop the earlier mark when this sentence holds it ('they "can see a new "Batman" film' has one quotation).
          if (open && openedAt >= 0) kept = kept.slice(0, openedAt) + kept.slice(openedAt + 1);
          open = true;
          openedAt = kept.length;
          kept += ch;
        } else if (open) {
          open = false;
          openedAt = -1;
          kept += ch;
        }
        // A closing mark with nothing open carries no quotation: dropped.
      }
      out.push({ openAtStart, openAtEnd: open, text: kept });
    });
  });
  return out;
}

/** Index ranges [first, last] of quotations that run over more than one sentence. */
export function quotationSpans(states: readonly QuoteState[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let first = -1;
  states.forEach((state, i) => {
    if (!state.openAtStart && first >= 0) {
      // Closed at a paragraph end without being reopened.
      if (first < i - 1) spans.push([first, i - 1]);
      first = -1;
    }
    if (!state.openAtStart && state.openAtEnd) first = i;
    else if (state.openAtStart && !state.openAtEnd && first >= 0) {
      spans.push([first, i]);
      first = -1;
    }
  });
  // A quotation never closed runs to the end of its text.
  if (first >= 0 && first < states.length - 1) spans.push([first, states.length - 1]);
  return spans;
}

/**
 * Puts the marks a passage needs at its edges: an opening mark when it starts
 * inside a quotation, a closing one when it ends inside one. Nothing else is added.
 */
export function closeQuotation(text: string, startsInside: boolean, endsInside: boolean): string {
  let out = text;
  if (startsInside) out = `"${out}`;
  if (endsInside) out = `${out}"`;
  return out;
}
