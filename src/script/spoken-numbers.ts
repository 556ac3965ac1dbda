/** Ordinals, months and dates in the form a listener expects to hear them. */

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

/** 1..99 as an ordinal word ("twenty-first"); other numbers keep their digits and suffix. */
export function ordinalWord(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > 99) return undefined;
  const words = cardinalUnder100(n);
  const parts = words.split('-');
  const last = parts.pop() ?? '';
  const ordinalLast = ORDINAL_ONES[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return [...parts, ordinalLast].join('-');
}

/** "Tuesday, 4 March 2025": the intro's date, read from the UTC calendar day so it never depends on the host zone. */
export function spokenLongDate(date: Date): string {
  return `${WEEKDAY_NAMES[date.getUTCDay()]}, ${date.getUTCDate()} ${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** YYYY-MM-DD of the UTC calendar day. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const MONTH_ABBREVIATIONS: Record<string, string> = {
  jan: 'January', feb: 'February', mar: 'March', apr: 'April', jun: 'June', jul: 'July', aug: 'August',
  sep: 'September', sept: 'September', oct: 'October', nov: 'November', dec: 'December',
};

/** Rewrites ISO dates, abbreviated months before a day number, and numeric ordinals. */
export function speakDatesAndOrdinals(text: string): string {
  return text
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (whole, y: string, m: string, d: string) => {
      const month = MONTH_NAMES[Number(m) - 1];
      const day = Number(d);
      return month && day >= 1 && day <= 31 ? `${day} ${month} ${y}` : whole;
    })
    .replace(/\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?=\s+\d{1,2}(?:st|nd|rd|th)?\b)/g, (_w, m: string) => MONTH_ABBREVIATIONS[m.toLowerCase()] ?? m)
    .replace(/\b(\d{1,2})(st|nd|rd|th)\b/g, (whole, n: string) => ordinalWord(Number(n)) ?? whole);
}
