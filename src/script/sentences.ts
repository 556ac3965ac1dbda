/**
 * Sentence splitting for English news prose. A period ends a sentence unless
 * the word before it is an abbreviation that cannot end one (titles such as
 * "Dr."), an initial, or a dotted acronym ("U.S.") followed by something that
 * does not look like a new sentence.
 */

/** Titles always precede a name, so a period after them never ends a sentence. */
const TITLES = new Set(
  'mr mrs ms messrs dr prof st sen rep gov gen lt col sgt capt cmdr adm maj cpl rev hon pres supt mt ft'.split(' '),
);
/** Abbreviations that are followed by a lowercase word or a number in running text. */
const INLINE = new Set('e.g i.e vs approx cf ca est dept fig nos'.split(' '));
const MONTHS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
/** Abbreviations that may also end a sentence ("... of Acme Inc. The firm ..."). */
const MAY_END = new Set('inc ltd co corp plc jr sr bros etc llc'.split(' '));
/** Words that typically open a sentence: after an acronym or "Inc." they signal a boundary. */
const STARTERS = new Set(
  (
    'the a an he she it they we i you but and in on at this that these those his her its their our there when while after ' +
    'before if as so yet however meanwhile still then now some many most officials police critics one' 
  ).split(' '),
);

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);
const OPENERS = new Set(['"', '“', "'", '‘', '(', '[']);

function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && /[A-Za-z.]/.test(text[start - 1] ?? '')) start--;
  return text.slice(start, end);
}

function nextWord(text: string, from: number): string {
  const match = /^[\s"“'‘([]*([A-Za-z]+)/.exec(text.slice(from, from + 40));
  return match?.[1] ?? '';
}

function isBoundary(text: string, dotAt: number, punct: string, closed: boolean, next: number): boolean {
  const c = text[next] ?? '';
  if (c === '') return true;
  const startsUpper = /[A-Z0-9]/.test(c) || OPENERS.has(c);
  if (!startsUpper) return false;
  if (punct !== '.' || closed) return true;
  const before = wordBefore(text, dotAt);
  const lower = before.toLowerCase();
  const following = nextWord(text, next);
  if (TITLES.has(lower) || INLINE.has(lower)) return false;
  if ((lower === 'no' || MONTHS.has(lower)) && /[0-9]/.test(c)) return false;
  // An initial such as the "F." in "John F. Kennedy".
  if (/^[A-Z]$/.test(before)) return false;
  const acronym = /^([A-Za-z]\.)+[A-Za-z]$/.test(before);
  if (acronym || MAY_END.has(lower)) return STARTERS.has(following.toLowerCase());
  return true;
}

function splitParagraph(paragraph: string): string[] {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let j = i;
    while (/[.!?…]/.test(text[j + 1] ?? '')) j++;
    let k = j + 1;
    let closed = false;
    while (CLOSERS.has(text[k] ?? '')) {
      k++;
      closed = true;
    }
    if (k < text.length && text[k] !== ' ') {
      i = j;
      continue;
    }
    const punct = j === i ? ch : '...';
    if (isBoundary(text, i, punct, closed, k + 1)) {
      const sentence = text.slice(start, k).trim();
      if (sentence) out.push(sentence);
      start = k + 1;
    }
    i = k - 1;
  }
  const tail = text.slice(start).trim();
  if (tail) out.push(tail);
  return out;
}

/** Splits text (paragraphs separated by blank lines) into sentences, in order, whitespace collapsed. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .flatMap(splitParagraph)
    .filter((s) => /[A-Za-z0-9]/.test(s));
}
