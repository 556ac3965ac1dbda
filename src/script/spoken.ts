/**
 * Rewrites written news prose for the ear: a text-to-speech voice reads
 * symbols, links and asides badly, so they are spelled out or dropped.
 * Works on one sentence (or headline) at a time.
 */
import { speakDatesAndOrdinals } from './spoken-numbers.js';

const SCALE: Record<string, string> = {
  k: 'thousand', thousand: 'thousand', m: 'million', mn: 'million', mln: 'million', million: 'million',
  bn: 'billion', b: 'billion', billion: 'billion', tn: 'trillion', trillion: 'trillion',
};
const CURRENCY: Record<string, [string, string]> = {
  '$': ['dollar', 'dollars'], 'US$': ['dollar', 'dollars'], '£': ['pound', 'pounds'], '€': ['euro', 'euros'],
  '¥': ['yen', 'yen'], '₹': ['rupee', 'rupees'],
};

const TITLES: Array<[RegExp, string]> = [
  [/\bMr\.?(?=\s)/g, 'Mister'], [/\bMrs\.?(?=\s)/g, 'Missus'], [/\bDr\.(?=\s)/g, 'Doctor'], [/\bProf\.(?=\s)/g, 'Professor'],
  [/\bGov\.(?=\s)/g, 'Governor'], [/\bSen\.(?=\s)/g, 'Senator'], [/\bRep\.(?=\s)/g, 'Representative'],
  [/\bGen\.(?=\s)/g, 'General'], [/\bLt\.(?=\s)/g, 'Lieutenant'], [/\bSgt\.(?=\s)/g, 'Sergeant'],
  [/\bCapt\.(?=\s)/g, 'Captain'], [/\bJr\.(?=[\s,])/g, 'Junior'], [/\bSr\.(?=[\s,])/g, 'Senior'],
];
const PHRASES: Array<[RegExp, string]> = [
  [/\be\.g\.,?/gi, 'for example'], [/\bi\.e\.,?/gi, 'that is'], [/\betc\.(?=\s*$)/g, 'and so on.'], [/\betc\./g, 'and so on'],
  [/\bvs\.?(?=\s)/gi, 'versus'], [/\bapprox\.(?=\s)/gi, 'approximately'], [/\bNo\.\s?(?=\d)/g, 'Number '],
  [/\bNos\.\s?(?=\d)/g, 'Numbers '], [/\s&\s/g, ' and '], [/\bw\/(?=\s)/g, 'with'],
];

function stripLinksAndAsides(text: string): string {
  return text
    .replace(/(?:\b(?:e-?mail|contact|write to|to|at)\s+)?\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/gi, '')
    .replace(/(?:\b(?:see|visit|go to|at|via)\s+)?\b(?:https?:\/\/|www\.)[^\s)\]]*[^\s)\].,;:!?'"]/gi, '')
    .replace(/\s*\([^()]*\)/g, '')
    .replace(/\s*\[[^[\]]*\]/g, '');
}

function speakMoney(text: string): string {
  const symbols = '(US\\$|\\$|£|€|¥|₹)';
  const amount = '(\\d[\\d,]*(?:\\.\\d+)?)';
  const scale = '(?:\\s?(k|mn|mln|m|bn|b|tn|thousand|million|billion|trillion)\\b)?';
  return text.replace(new RegExp(`${symbols}\\s?${amount}${scale}`, 'g'), (_w, sym: string, num: string, sc?: string) => {
    const [one, many] = CURRENCY[sym] ?? ['', ''];
    const scaleWord = sc ? SCALE[sc.toLowerCase()] : undefined;
    const unit = !scaleWord && num === '1' ? one : many;
    return [num, scaleWord, unit].filter(Boolean).join(' ');
  });
}

function speakAcronyms(text: string): string {
  // "U.S." -> "US"; a final period that also ends the sentence is kept.
  return text.replace(/\b((?:[A-Z]\.){2,})(?=(\s|$|[,;:'"”’]))/g, (dotted: string, _d, _n, offset: number, whole: string) => {
    const letters = dotted.replace(/\./g, '');
    const atEnd = whole.slice(offset + dotted.length).trim() === '';
    return atEnd ? `${letters}.` : letters;
  });
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
}

/** Rewrites one sentence or headline for listening. */
export function toSpoken(text: string, options: SpokenOptions = {}): string {
  if (options.enabled === false) return text.replace(/\s+/g, ' ').trim();
  let out = text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ');
  out = stripLinksAndAsides(out);
  for (const [pattern, replacement] of TITLES) out = out.replace(pattern, replacement);
  for (const [pattern, replacement] of PHRASES) out = out.replace(pattern, replacement);
  out = speakMoney(out);
  out = out.replace(/(\d)\s?%/g, '$1 percent').replace(/\bper cent\b/g, 'percent');
  out = speakAcronyms(out);
  out = speakDatesAndOrdinals(out);
  out = out
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/([,;:])(?=[.!?])/g, '')
    .replace(/^[\s,;:-]+/, '')
    .trim();
  return options.balance === false ? out : balanceQuotes(out);
}
