/**
 * How big a story is, read from its own words: people killed or hurt, people
 * affected (evacuated, homeless, without power), and money. Each is the
 * largest figure found next to words of its kind in the headline and the
 * opening sentences; vague quantities count too ("thousands" = 1,000). The
 * words are read in the article's language (scale-words.ts: en, de, fr, es, ru).
 */
import { scaleWords, type ScaleWords } from './scale-words.js';

export interface ScaleSignals {
  casualties: number;
  affected: number;
  /** Money in units of its currency (dollars, pounds, euros alike). */
  money: number;
}

const END = '(?![\\p{L}\\p{N}])';
const SYMBOL = '[$£€¥₹₽]';

function alternatives(keys: readonly string[]): string {
  return [...keys]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/\./g, '\\.').replace(/\s+/g, '\\s+') + (k.endsWith('.') ? '' : END))
    .join('|');
}

/** Vague quantity | currency symbol, figure, multiplier. English 2,000.5; the others 2.000,5 or 2 000,5. */
function quantityPattern(w: ScaleWords): RegExp {
  const figure = w.decimalComma ? '\\d{1,3}(?:[.\\u00a0\\u202f ]\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?' : '\\d[\\d,]*(?:\\.\\d+)?';
  return new RegExp(`(${alternatives(Object.keys(w.vague))})|(${SYMBOL})?\\s?(${figure})(?:\\s?(${alternatives(Object.keys(w.multiplier))}))?`, 'giu');
}

const PATTERNS = new Map<ScaleWords, RegExp>();
function patternFor(w: ScaleWords): RegExp {
  let pattern = PATTERNS.get(w);
  if (!pattern) PATTERNS.set(w, (pattern = quantityPattern(w)));
  return new RegExp(pattern);
}

function parseFigure(figure: string, w: ScaleWords): number {
  const plain = w.decimalComma ? figure.replace(/[.\u00a0\u202f ]/g, '').replace(',', '.') : figure.replace(/,/g, '');
  return Number(plain);
}

const lettersOf = (text: string): string[] => text.toLowerCase().match(/\p{L}+/gu) ?? [];

export function scaleSignals(text: string, language = 'en'): ScaleSignals {
  const w = scaleWords(language);
  const vague = new Map(Object.entries(w.vague).map(([k, v]) => [k.replace(/\s+/g, ' '), v]));
  const out: ScaleSignals = { casualties: 0, affected: 0, money: 0 };
  for (const match of text.matchAll(patternFor(w))) {
    const at = (match.index ?? 0) + match[0].length;
    const multiplier = match[4] ? (w.multiplier[match[4].toLowerCase().replace(/\s+/g, ' ')] ?? 1) : 1;
    const value = match[1] ? (vague.get(match[1].toLowerCase().replace(/\s+/g, ' ')) ?? 0) : parseFigure(match[3] ?? '0', w) * multiplier;
    if (!Number.isFinite(value) || value <= 0) continue;
    // Years and times are no quantity of anything.
    if (!match[1] && !match[2] && !match[4] && /^(1[89]|20)\d\d$/.test(match[3] ?? '')) continue;
    const after = text.slice(at, at + 80);
    const next = lettersOf(after).slice(0, 5).filter((x) => !w.filler.test(x)).slice(0, 2);
    const before = lettersOf(text.slice(Math.max(0, (match.index ?? 0) - 40), match.index ?? 0)).slice(-3);
    // A symbol before the figure, or after it ("2,5 Mio. €", "15 000 €").
    const money = match[2] !== undefined || new RegExp(`^\\s?${SYMBOL}`, 'u').test(after) || next.some((x) => w.currency.test(x));
    if (money) out.money = Math.max(out.money, value);
    else if (next.some((x) => w.casualty.test(x)) || before.some((x) => w.killing.test(x))) out.casualties = Math.max(out.casualties, value);
    else if (next.some((x) => w.affected.test(x))) out.affected = Math.max(out.affected, value);
  }
  return out;
}

/** 0 for nothing, about 1 for a thousand dead, a million people affected or a trillion in money. */
export function scaleScore(signals: ScaleSignals): number {
  return Math.max(
    Math.log10(1 + signals.casualties) / 3,
    Math.log10(1 + signals.affected) / 6,
    Math.log10(1 + signals.money) / 12,
  );
}
