/**
 * Sentence splitting for news prose in any script. A period ends a sentence unless
 * the word before it is an abbreviation of the text's language that cannot end one
 * ("Dr.", "z. B.", "M.", "Sr."), an initial, a decimal, or a dotted acronym ("U.K.")
 * followed by something that does not look like a new sentence. Letters are matched
 * by Unicode class, so Cyrillic, Greek or any other script splits (and is kept) too.
 */
import { abbreviationsFor, type AbbreviationSet } from './abbreviations.js';

const CLOSERS = new Set(['"', "'", '”', '’', '»', '«', ')', ']']);
const OPENERS = new Set(['"', '“', '„', "'", '‘', '«', '»', '(', '[', '¿', '¡', '—', '–']);
/** Full stops of scripts that put no space after them (Chinese, Japanese) or use their own mark (Devanagari, Arabic). */
const TIGHT_STOPS = new Set(['。', '！', '？', '।', '؟']);
const STOPS = /[.!?…]/;

function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && /[\p{L}\p{N}.°-]/u.test(text[start - 1] ?? '')) start--;
  return text.slice(start, end);
}

function nextWord(text: string, from: number): string {
  const match = /^[\s"“„'‘«»([¿¡—–-]*([\p{L}]+)/u.exec(text.slice(from, from + 40));
  return match?.[1] ?? '';
}

function isBoundary(text: string, dotAt: number, punct: string, closed: boolean, next: number, abbr: AbbreviationSet): boolean {
  const c = text[next] ?? '';
  if (c === '') return true;
  const startsUpper = /[\p{Lu}\p{Lo}\p{N}]/u.test(c) || OPENERS.has(c);
  if (!startsUpper) return false;
  if (punct !== '.' || closed) return true;
  const before = wordBefore(text, dotAt);
  // "10-yr." is looked up as "yr".
  const lower = (before.split('-').pop() ?? before).toLowerCase();
  const following = nextWord(text, next).toLowerCase();
  const opener = abbr.starters.has(following);
  if (abbr.never.has(lower)) return false;
  if (abbr.beforeNumber.has(lower) && /\p{N}/u.test(c)) return false;
  if (abbr.ordinalDot && /^\p{N}{1,3}$/u.test(lower)) return opener;
  // An initial ("John F. Kennedy", "В. Путин") or the parts of "z. B.".
  if (/^\p{L}$/u.test(before)) return false;
  const acronym = /^(\p{L}\.)+\p{L}$/u.test(before);
  if (acronym || abbr.mayEnd.has(lower)) return opener;
  return true;
}

function splitParagraph(paragraph: string, abbr: AbbreviationSet): string[] {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  const out: string[] = [];
  let start = 0;
  const cut = (end: number, resume: number) => {
    const sentence = text.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = resume;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (TIGHT_STOPS.has(ch)) {
      let k = i + 1;
      while (CLOSERS.has(text[k] ?? '') || TIGHT_STOPS.has(text[k] ?? '')) k++;
      cut(k, k);
      i = k - 1;
      continue;
    }
    if (!STOPS.test(ch)) continue;
    let j = i;
    while (STOPS.test(text[j + 1] ?? '')) j++;
    let k = j + 1;
    let closed = false;
    while (CLOSERS.has(text[k] ?? '')) {
      k++;
      closed = true;
    }
    // No space after: a decimal ("3.5"), a domain or a dotted acronym ("U.K.") goes on.
    if (k < text.length && text[k] !== ' ') {
      i = j;
      continue;
    }
    const punct = j === i ? ch : '...';
    if (isBoundary(text, i, punct, closed, k + 1, abbr)) cut(k, k + 1);
    i = k - 1;
  }
  cut(text.length, text.length);
  return out;
}

/**
 * Splits text (paragraphs separated by blank lines) into sentences, in order, whitespace
 * collapsed. `language` (BCP 47) picks the abbreviations; a sentence is dropped only when
 * it holds no letter or digit of any script.
 */
export function splitSentences(text: string, language?: string): string[] {
  const abbr = abbreviationsFor(language);
  return text
    .split(/\n\s*\n/)
    .flatMap((paragraph) => splitParagraph(paragraph, abbr))
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}
