/** English dates, years, decades and times: "12/04/2026" -> "the twelfth of April twenty twenty-six" (en-GB). */
import type { SpokenContext } from './spoken-rules.js';
import { cardinalWords, decadeWords, MONTH_NAMES, ordinalWords, yearWords } from './spoken-numbers.js';

const MONTH_ABBREVIATIONS: Record<string, string> = {
  jan: 'January', feb: 'February', mar: 'March', apr: 'April', jun: 'June', jul: 'July', aug: 'August',
  sep: 'September', sept: 'September', oct: 'October', nov: 'November', dec: 'December',
};
const WEEKDAY_ABBREVIATIONS: Record<string, string> = {
  mon: 'Monday', tue: 'Tuesday', tues: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', thur: 'Thursday', thurs: 'Thursday',
  fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
};
const MONTH = `(${MONTH_NAMES.join('|')})`;
const YEAR = String.raw`(1[1-9]\d\d|20\d\d)`;
/** Words after which a four-digit number is a year. */
const YEAR_CUE = String.raw`(?<=\b(?:[Ii]n|[Ss]ince|by|[Ff]rom|until|till|to|of|year|[Bb]efore|[Aa]fter|[Dd]uring|early|late|mid|circa|around|through|and|or|[Bb]etween|summer|winter|spring|autumn|fall|[Uu]ntil|[Bb]y)\s)`;
/** A plural noun after a number makes it a count ("2000 tickets"); common words ending in s do not. */
const PLURAL_AFTER = /^\s(?!(?:was|is|has|as|does|his|its|this|thus|plus|always|yes|us)\b)\p{Ll}+s\b/u;
const NOT_A_YEAR_AFTER = /^\s?(?:percent|per\b|pounds|dollars|euros|people|votes|jobs|points|units|cases|deaths|troops|homes|miles|kilo|metre|meter|feet|tonnes|times|\d)/;

function dateWords(day: number, month: number, year: string | undefined, ctx: SpokenContext, hasThe: boolean): string | undefined {
  const name = MONTH_NAMES[month - 1];
  const y = year ? (year.length === 2 ? 2000 + Number(year) : Number(year)) : undefined;
  // Day 0 of the next month is this month's last day (a leap year when no year is given).
  if (!name || day < 1 || day > new Date(Date.UTC(y ?? 2000, month, 0)).getUTCDate()) return undefined;
  const yearPart = y !== undefined ? yearWords(y, ctx.us) : '';
  if (ctx.dateOrder === 'mdy') return `${name} ${ordinalWords(day, ctx.us)}${yearPart ? `, ${yearPart}` : ''}`;
  return `${hasThe ? '' : 'the '}${ordinalWords(day)} of ${name}${yearPart ? ` ${yearPart}` : ''}`;
}

function withThe(the: string | undefined, said: string | undefined): string | undefined {
  return said === undefined ? undefined : `${the ?? ''}${said}`;
}

function speakDates(text: string, ctx: SpokenContext): string {
  return text
    .replace(/\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?=\s+\d{1,2}(?:st|nd|rd|th)?\b|\s+\d{4}\b)/g, (_w, m: string) => MONTH_ABBREVIATIONS[m.toLowerCase()] ?? m)
    .replace(/\b(Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.(?=[\s,])/g, (_w, d: string) => WEEKDAY_ABBREVIATIONS[d.toLowerCase()] ?? d)
    .replace(/(\bthe )?\b(\d{4})-(\d{2})-(\d{2})\b/g, (whole, the: string | undefined, y: string, m: string, d: string) =>
      withThe(the, dateWords(Number(d), Number(m), y, ctx, Boolean(the))) ?? whole)
    .replace(/(\bthe )?\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/g, (whole, the: string | undefined, a: string, b: string, y: string) => {
      const [day, month] = ctx.dateOrder === 'mdy' && Number(a) <= 12 ? [Number(b), Number(a)] : [Number(a), Number(b)];
      const said = dateWords(day, month, y, ctx, Boolean(the));
      return withThe(the, said) ?? whole;
    })
    .replace(new RegExp(String.raw`(\bthe )?\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH}(?:,? ${YEAR})?\b`, 'g'), (whole, the: string | undefined, d: string, m: string, y?: string) => {
      const said = dateWords(Number(d), MONTH_NAMES.indexOf(m) + 1, y, { ...ctx, dateOrder: 'dmy' }, Boolean(the));
      return said ? `${the ?? ''}${said}` : whole;
    })
    .replace(new RegExp(String.raw`\b${MONTH} (\d{1,2})(?:st|nd|rd|th)?(?:, ${YEAR})?\b(?!:)`, 'g'), (whole, m: string, d: string, y?: string) =>
      dateWords(Number(d), MONTH_NAMES.indexOf(m) + 1, y, { ...ctx, dateOrder: 'mdy' }, false) ?? whole)
    .replace(new RegExp(String.raw`\b${MONTH},? ${YEAR}\b`, 'g'), (_w, m: string, y: string) => `${m} ${yearWords(Number(y), ctx.us)}`);
}

function speakYears(text: string, ctx: SpokenContext): string {
  return text
    .replace(new RegExp(String.raw`\b${YEAR}[-/](\d{2})\b(?![-/]\d)`, 'g'), (whole, a: string, b: string) => {
      const end = Math.floor(Number(a) / 100) * 100 + Number(b);
      return end > Number(a) ? `${yearWords(Number(a), ctx.us)} to ${yearWords(end, ctx.us)}` : whole;
    })
    .replace(new RegExp(String.raw`\b${YEAR}-${YEAR}\b`, 'g'), (_w, a: string, b: string) => `${yearWords(Number(a), ctx.us)} to ${yearWords(Number(b), ctx.us)}`)
    .replace(/\b(mid|early|late)-(?=(?:'|\d))/gi, '$1 ')
    .replace(/(?<![\w.,])(\d{3}0)'?s\b/g, (whole, y: string) => (Number(y) >= 1000 ? decadeWords(Number(y)) : whole))
    .replace(/(?<![\w.,'])'?([1-9]0)'?s\b/g, (_w, y: string) => decadeWords(Number(y)))
    .replace(/(?<![\w.,])'00s\b/g, ctx.us ? 'two thousands' : 'noughties')
    .replace(new RegExp(String.raw`${YEAR_CUE}${YEAR}\b(?![.,]\d)`, 'g'), (whole, y: string, offset: number, all: string) =>
      NOT_A_YEAR_AFTER.test(all.slice(offset + whole.length)) ? whole : yearWords(Number(y), ctx.us))
    .replace(new RegExp(String.raw`(?<=\b[Tt]he )${YEAR}(?= (?:election|elections|season|census|budget|World Cup|Olympics|Games|campaign|referendum|tournament|final|report|survey|war|crisis|attack|attacks|law|act|Act|summit|vote)\b)`, 'g'), (y: string) => yearWords(Number(y), ctx.us))
    .replace(new RegExp(String.raw`^${YEAR}(?=,? )`, 'g'), (y: string) => yearWords(Number(y), ctx.us))
    // News writes counts of a thousand or more with a comma ("1,500"), so a bare four-digit number is a year unless
    // something says otherwise: a plural noun after it ("2000 tickets"), a unit, or a label before it ("Flight 1998").
    .replace(new RegExp(String.raw`(?<![\w$£€#.,:/-])(?<!\b(?:No\.|[Nn]umber|[Ff]light|[Rr]oute|[Pp]age|[Ss]ection|[Rr]oom|[Mm]odel|[Cc]ode|Highway|Interstate|[Rr]ule|[Aa]rticle|[Bb]us|[Pp]latform|[Gg]ate) )${YEAR}\b(?![.,]\d|[-/]\d|%)`, 'g'),
      (whole, y: string, offset: number, all: string) => {
        const after = all.slice(offset + whole.length);
        return NOT_A_YEAR_AFTER.test(after) || PLURAL_AFTER.test(after) ? whole : yearWords(Number(y), ctx.us);
      });
}

const ZONES: Record<string, string> = { ET: 'Eastern Time', PT: 'Pacific Time', CT: 'Central Time', MT: 'Mountain Time' };

function clock(h: number, m: number, meridiem?: string): string | undefined {
  if (h > 24 || m > 59) return undefined;
  // "a.m." rather than "AM", which Festival reads as the word "am".
  const suffix = meridiem ? ` ${meridiem.toLowerCase().startsWith('a') ? 'a.m.' : 'p.m.'}` : '';
  if (!meridiem && h === 0 && m === 0) return 'midnight';
  const hour = cardinalWords(h === 0 && meridiem ? 12 : h);
  // The 24-hour clock: "fourteen hundred", and just after midnight "twelve thirty AM".
  if (m === 0) return meridiem ? `${hour}${suffix}` : h > 12 ? `${hour} hundred` : `${hour} o'clock`;
  const minutes = m < 10 ? `oh ${cardinalWords(m)}` : cardinalWords(m);
  return h === 0 && !meridiem ? `twelve ${minutes} a.m.` : `${hour} ${minutes}${suffix}`;
}

function speakTimes(text: string): string {
  return text
    .replace(/\b(\d{1,2})[:.](\d{2})\s?([ap]\.?m(?:\.(?!\s*$))?)(?=[\s,.;:!?)"']|$)/gi, (whole, h: string, m: string, ap: string) => clock(Number(h), Number(m), ap) ?? whole)
    .replace(/\b(\d{1,2})\s?([ap]\.?m(?:\.(?!\s*$))?)(?=[\s,.;:!?)"']|$)/gi, (whole, h: string, ap: string) => (Number(h) <= 12 ? clock(Number(h), 0, ap) ?? whole : whole))
    .replace(/\b(\d{1,2}):(\d{2})\b(?!:\d)/g, (whole, h: string, m: string) => clock(Number(h), Number(m)) ?? whole)
    .replace(/(a\.m\.|p\.m\.|\bo'clock|\b[a-z]+) (ET|PT|CT|MT)\b/g, (_w, before: string, z: string) => `${before} ${ZONES[z]}`);
}

/** Denominators of marks and shares ("9/10", "30/40") read as "out of". */
const OUT_OF = new Set(['5', '10', '20', '40', '50', '100']);

/** Ordinals, ratios, scores and ranges: "21st" -> "twenty-first", "50/50" -> "fifty-fifty", "3-1" -> "3 to 1". */
function speakOrdinalsAndRatios(text: string, ctx: SpokenContext): string {
  const RATIOS: Record<string, string> = {
    '50/50': 'fifty-fifty', '24/7': 'twenty-four seven', '9/11': 'nine eleven', '1/2': 'one half', '1/3': 'one third',
    '2/3': 'two thirds', '1/4': 'one quarter', '3/4': 'three quarters',
  };
  return text
    .replace(/\b(\d+)(st|nd|rd|th)\b/g, (whole, n: string) => (Number(n) < 1e6 ? ordinalWords(Number(n), ctx.us) : whole))
    .replace(/(?<![\w/.,])(\d{1,3})\/(\d{1,3})(?![\w/])/g, (whole, a: string, b: string) =>
      RATIOS[whole] ?? (OUT_OF.has(b) && Number(a) <= Number(b) ? `${a} out of ${b}` : whole))
    .replace(/(?<![\w.,-])(\d[\d,]*(?:\.\d+)?)-(\d[\d,]*(?:\.\d+)?)(?![\w-])/g, '$1 to $2')
    .replace(/(\d)½/g, '$1 and a half').replace(/½/g, 'half').replace(/(\d)¼/g, '$1 and a quarter').replace(/(\d)¾/g, '$1 and three quarters');
}

export function speakEnglishDates(text: string, ctx: SpokenContext): string {
  return speakOrdinalsAndRatios(speakTimes(speakYears(speakDates(text, ctx), ctx)), ctx);
}
