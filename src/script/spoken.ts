/**
 * Rewrites written news prose for the ear: a text-to-speech voice reads
 * symbols, links and asides badly, so they are spelled out or dropped, and
 * numbers, dates, units and money are said the way a newsreader says them in
 * the show's language and locale. The result is both what is spoken and what
 * the transcript shows. Works on one sentence (or headline) at a time.
 */
import { resolveLocale, spokenContext, spokenRules } from './spoken-language.js';
import { speakSymbols } from './spoken-symbols.js';

export { resolveLocale } from './spoken-language.js';

/** A run of 100+ non-space characters, except a link of sane length (removed with its "see" or "at" below). */
const LONG_WORD = /(?<!\S)(?!(?:https?:|www\.)\S{0,2000}(?!\S))\S{100,}/g;

function stripLinksAndAsides(text: string): string {
  return text
    .replace(/(?:\b(?:e-?mail|contact|write to|to|at)\s+)?\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/gi, '')
    .replace(/(?:\b(?:see|visit|go to|at|via)\s+)?\b(?:https?:\/\/|www\.)[^\s)\]]*[^\s)\].,;:!?'"]/gi, '')
    .replace(/\s*\([^()]*\)(?=\p{L})/gu, ' ')
    .replace(/\s*\([^()]*\)/g, '')
    .replace(/\s*\[[^[\]]*\]/g, '');
}

/** Pairs up double quotes: an unmatched one gets its partner at the start or end of the text. */
export function balanceQuotes(text: string): string {
  const marks = text.match(/"/g)?.length ?? 0;
  if (marks % 2 === 0) return text;
  const last = text.lastIndexOf('"');
  const opensLast = last === 0 || /[\s(]/.test(text[last - 1] ?? '');
  if (opensLast) return /[.!?]$/.test(text) ? `${text.slice(0, -1)}${text.slice(-1)}"` : `${text}"`;
  return `"${text}`;
}

export interface SpokenOptions {
  /** Keep written text verbatim (apart from whitespace): used when scoring extracts against references. */
  enabled?: boolean;
  /** Pair up quotation marks (default true); off when the caller balances runs of sentences itself. */
  balance?: boolean;
  /** The show's locale ("en-GB", "en-US", "de", ...); picks the language's rules and the date order (default en-GB). */
  locale?: string;
}

/** Rewrites one sentence or headline for listening. */
export function toSpoken(text: string, options: SpokenOptions = {}): string {
  if (options.enabled === false) return text.replace(/\s+/g, ' ').trim();
  const locale = resolveLocale('en', options.locale);
  const ctx = spokenContext(locale);
  const rules = spokenRules(locale);
  const ended = /[.!?]["')\]]*$/.test(text.trim());
  // A "word" this long is never speech (a voice would spell it for minutes), and dropping it first keeps every rule below linear.
  let out = text.replace(LONG_WORD, ' ').replace(/[“”„]/g, '"').replace(/[‘’‚]/g, "'").replace(/\s+/g, ' ');
  out = stripLinksAndAsides(out);
  out = speakSymbols(out, rules);
  for (const step of rules.steps) out = step(out, ctx);
  out = out
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/([,;:])(?=[.!?])/g, '')
    .replace(/([,;:])[,;:]+/g, '$1')
    .replace(/([!?])[,;:]/g, '$1')
    .replace(/(?<!\.)\.\.(?!\.)/g, '.')
    .replace(/^[\s,;:-]+/, '')
    .trim()
    // A number or abbreviation that opened or closed the sentence was rewritten: keep its capital and its full stop.
    .replace(/^\p{Ll}/u, (first) => (/^[\d\p{Lu}]/u.test(text.trim()) ? first.toUpperCase() : first));
  if (ended && out !== '' && !/[.!?]["')\]]*$/.test(out)) out += '.';
  return options.balance === false ? out : balanceQuotes(out);
}
