/** Number words, ordinals, months and dates in English, in the form a listener expects to hear them. */

const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL_ONES: Record<string, string> = {
  one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth',
};

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function cardinalUnder100(n: number): string {
  if (n < 20) return ONES[n] ?? '';
  const tens = TENS[Math.floor(n / 10)] ?? '';
  return n % 10 === 0 ? tens : `${tens}-${ONES[n % 10]}`;
}

/** 0..999,999,999 in words ("one hundred and five"); `us` drops the "and" as American readers do. */
export function cardinalWords(n: number, us = false): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e9) return String(n);
  if (n === 0) return 'zero';
  const parts: string[] = [];
  const groups: Array<[number, string]> = [[1e6, 'million'], [1e3, 'thousand']];
  let rest = n;
  for (const [size, name] of groups) {
    if (rest >= size) {
      parts.push(`${cardinalWords(Math.floor(rest / size), us)} ${name}`);
      rest %= size;
    }
  }
  if (rest >= 100) {
    parts.push(`${ONES[Math.floor(rest / 100)]} hundred`);
    rest %= 100;
  }
  if (rest > 0) parts.push(`${parts.length > 0 && !us ? 'and ' : ''}${cardinalUnder100(rest)}`);
  return parts.join(' ');
}

function ordinalOfWord(word: string): string {
  return ORDINAL_ONES[word] ?? (word.endsWith('y') ? `${word.slice(0, -1)}ieth` : `${word}th`);
}

/** Any cardinal as an ordinal ("one hundred and first"). */
export function ordinalWords(n: number, us = false): string {
  const words = cardinalWords(n, us);
  return words.replace(/([a-z]+)$/, (last) => ordinalOfWord(last));
}

/** 1..99 as an ordinal word ("twenty-first"); other numbers keep their digits and suffix. */
export function ordinalWord(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 99) return undefined;
  return ordinalWords(n);
}

/** A year as a newsreader says it: "nineteen ninety", "nineteen oh five", "two thousand and seven", "twenty nineteen". */
export function yearWords(year: number, us = false): string {
  const hi = Math.floor(year / 100);
  const lo = year % 100;
  if (year >= 2000 && year < 2010) return cardinalWords(year, us);
  if (year < 1000 || year > 9999) return cardinalWords(year, us);
  if (lo === 0) return `${cardinalWords(hi)} hundred`;
  if (lo < 10) return `${cardinalWords(hi)} oh ${ONES[lo]}`;
  return `${cardinalWords(hi)} ${cardinalUnder100(lo)}`;
}

/** "1990s" -> "nineteen nineties"; "2000s" -> "two thousands"; 40 -> "forties". */
export function decadeWords(year: number): string {
  const words = year < 100 ? cardinalUnder100(year) : year % 1000 === 0 ? cardinalWords(year) : yearWords(year);
  return words.replace(/([a-z]+)$/, (last) => (last.endsWith('y') ? `${last.slice(0, -1)}ies` : `${last}s`));
}

/** "Tuesday, 4 March 2025": the intro's date, read from the UTC calendar day so it never depends on the host zone. */
export function spokenLongDate(date: Date): string {
  return `${WEEKDAY_NAMES[date.getUTCDay()]}, ${date.getUTCDate()} ${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** YYYY-MM-DD of the UTC calendar day. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
