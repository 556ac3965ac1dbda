/** Money in English: "$3.2bn" -> "3.2 billion dollars", "£1.50" -> "1 pound 50", "245p" -> "245 pence". */
import type { SpokenContext } from './spoken-rules.js';

type Unit = [one: string, many: string, subOne?: string, subMany?: string];

const DOLLAR: Unit = ['dollar', 'dollars', 'cent', 'cents'];
const CURRENCY: Record<string, Unit> = {
  $: DOLLAR, US$: DOLLAR, USD: DOLLAR, '£': ['pound', 'pounds', 'penny', 'pence'], GBP: ['pound', 'pounds', 'penny', 'pence'],
  '€': ['euro', 'euros', 'cent', 'cents'], EUR: ['euro', 'euros', 'cent', 'cents'],
  A$: ['Australian dollar', 'Australian dollars'], AUS$: ['Australian dollar', 'Australian dollars'], AU$: ['Australian dollar', 'Australian dollars'],
  C$: ['Canadian dollar', 'Canadian dollars'], NZ$: ['New Zealand dollar', 'New Zealand dollars'],
  HK$: ['Hong Kong dollar', 'Hong Kong dollars'], '¥': ['yen', 'yen'], JPY: ['yen', 'yen'], '₹': ['rupee', 'rupees'],
  '₽': ['rouble', 'roubles'], '₩': ['won', 'won'], CHF: ['Swiss franc', 'Swiss francs'],
};
export const ENGLISH_SCALE: Record<string, string> = {
  k: 'thousand', thousand: 'thousand', m: 'million', mn: 'million', mln: 'million', million: 'million',
  bn: 'billion', b: 'billion', billion: 'billion', tn: 'trillion', trillion: 'trillion',
};

const SYMBOL = String.raw`(US\$|AUS\$|AU\$|A\$|C\$|NZ\$|HK\$|\$|£|€|¥|₹|₽|₩|USD|EUR|GBP|CHF|JPY)`;
const AMOUNT = String.raw`(\d(?:[\d,]*\d)?(?:\.\d+)?)`;
const SCALE = String.raw`(?:\s?(k|mn|mln|m|bn|b|tn|thousand|million|billion|trillion)\b)?`;
const BEFORE = new RegExp(String.raw`(?<![\w$])${SYMBOL}\s?${AMOUNT}${SCALE}`, 'g');
const AFTER = new RegExp(String.raw`\b${AMOUNT}${SCALE}\s?(€|£|USD|EUR|GBP|CHF|JPY)(?![\w$])`, 'g');

function say(sym: string, num: string, sc: string | undefined): string {
  const [one, many, subOne, subMany] = CURRENCY[sym] ?? ['', ''];
  const scale = sc ? ENGLISH_SCALE[sc.toLowerCase()] : undefined;
  if (scale) return `${num} ${scale} ${many}`;
  const [whole = num, cents] = num.split('.');
  if (cents && cents.length === 2 && subMany) {
    const sub = Number(cents);
    if (whole === '0') return `${sub} ${sub === 1 ? subOne : subMany}`;
    const main = `${whole} ${whole === '1' ? one : many}`;
    return sub === 0 ? main : `${main} ${sub}`;
  }
  return `${num} ${num === '1' ? one : many}`;
}

export function speakEnglishMoney(text: string, _ctx: SpokenContext): string {
  return text
    .replace(BEFORE, (_w, sym: string, num: string, sc?: string) => say(sym, num, sc))
    .replace(AFTER, (_w, num: string, sc: string | undefined, sym: string) => say(sym, num, sc))
    .replace(/\b(\d+(?:\.\d+)?)p\b/g, (_w, n: string) => `${n} ${n === '1' ? 'penny' : 'pence'}`)
    .replace(/\b(\d+)c\b/g, (_w, n: string) => `${n} ${n === '1' ? 'cent' : 'cents'}`)
    .replace(/\b(\d[\d,]*(?:\.\d+)?)\s?(bn|tn|mn|mln)\b/g, (_w, n: string, sc: string) => `${n} ${ENGLISH_SCALE[sc]}`)
    .replace(/\b(\d[\d,]*(?:\.\d+)?)k\b/g, '$1 thousand');
}
