/** German rules for the ear: "am 12.04.2026" -> "am zwölften April 2026", "3,5 %" -> "3,5 Prozent". */
import type { SpokenRules } from './spoken-rules.js';
import { applyUnits, compileUnits, EUROPEAN_NUMBER, type UnitRow } from './spoken-unit-table.js';

const ONES = ['', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf',
  'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn'];
const TENS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

export function germanCardinal(n: number): string {
  if (n < 20) return ONES[n] ?? String(n);
  if (n < 100) return n % 10 === 0 ? TENS[n / 10] ?? '' : `${n % 10 === 1 ? 'ein' : ONES[n % 10]}und${TENS[Math.floor(n / 10)]}`;
  return String(n);
}

/** Ordinal stem without ending: "zwölft", "dritt", "zwanzigst". */
function ordinalStem(n: number): string {
  const special: Record<number, string> = { 1: 'erst', 3: 'dritt', 7: 'siebt', 8: 'acht' };
  return special[n] ?? (n < 20 ? `${germanCardinal(n)}t` : `${germanCardinal(n)}st`);
}

/** The ending follows the article before it: "der dritte Mai", "am dritten Mai". */
function ordinal(n: number, before: string): string {
  const nominative = /\b(?:der|die|das|Der|Die|Das)\s$/.test(before);
  return `${ordinalStem(n)}${nominative ? 'e' : 'en'}`;
}

/** Years before 2000 as Germans say them ("neunzehnhundertneunzig"); later ones read well as digits. */
function yearWord(y: number): string {
  if (y < 1100 || y > 1999) return String(y);
  const lo = y % 100;
  return `${germanCardinal(Math.floor(y / 100))}hundert${lo ? germanCardinal(lo) : ''}`;
}

const UNITS: UnitRow[] = [
  ['km/h', 'Kilometer pro Stunde', 'Kilometer pro Stunde'], ['km²', 'Quadratkilometer', 'Quadratkilometer'],
  ['m²', 'Quadratmeter', 'Quadratmeter'], ['km', 'Kilometer', 'Kilometer'], ['cm', 'Zentimeter', 'Zentimeter'],
  ['mm', 'Millimeter', 'Millimeter'], ['m', 'Meter', 'Meter'], ['kg', 'Kilogramm', 'Kilogramm'], ['g', 'Gramm', 'Gramm'],
  ['t', 'Tonne', 'Tonnen'], ['l', 'Liter', 'Liter'], ['°C|° C', 'Grad Celsius', 'Grad Celsius'], ['°', 'Grad', 'Grad'],
  ['kWh', 'Kilowattstunde', 'Kilowattstunden'], ['MW', 'Megawatt', 'Megawatt'], ['GW', 'Gigawatt', 'Gigawatt'],
  ['%', 'Prozent', 'Prozent'], ['Std\\.', 'Stunde', 'Stunden'], ['Min\\.', 'Minute', 'Minuten'],
  ['€|EUR|Euro', 'Euro', 'Euro'], ['\\$|USD|Dollar', 'Dollar', 'Dollar'], ['£|Pfund', 'Pfund', 'Pfund'], ['CHF|Franken', 'Franken', 'Franken'],
];
const COMPILED = compileUnits(UNITS, EUROPEAN_NUMBER);
const CURRENCY: Record<string, string> = { '€': 'Euro', $: 'Dollar', '£': 'Pfund' };

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bz\.\s?B\./g, 'zum Beispiel'], [/\bd\.\s?h\./g, 'das heißt'], [/\bu\.\s?a\./g, 'unter anderem'], [/\busw\./g, 'und so weiter'],
  [/\bbzw\./g, 'beziehungsweise'], [/\b([Cc])a\.(?=\s)/g, '$1irca'], [/\bNr\.\s?/g, 'Nummer '], [/\bDr\.(?=\s)/g, 'Doktor'],
  [/\bProf\.(?=\s)/g, 'Professor'], [/(?<=\p{L})str\.(?=[\s,]|$)/gu, 'straße'], [/\bStr\.(?=[\s,]|$)/g, 'Straße'],
  [/\bSt\.(?=\s\p{Lu})/gu, 'Sankt'], [/\bJh\./g, 'Jahrhundert'], [/\binkl\./g, 'inklusive'], [/\bevtl\./g, 'eventuell'],
  [/\bggf\./g, 'gegebenenfalls'], [/\bvgl\./g, 'vergleiche'], [/\bMio\.?(?=\s|$)/g, 'Millionen'], [/\bMrd\.?(?=\s|$)/g, 'Milliarden'],
  [/\bTsd\.(?=\s|$)/g, 'Tausend'], [/\bHr\.(?=\s)/g, 'Herr'], [/\bFr\.(?=\s\p{Lu}\p{Ll})/gu, 'Frau'], [/\bAbt\./g, 'Abteilung'],
  [/\betc\./g, 'et cetera'], [/\bgeb\.(?=\s)/g, 'geboren'], [/\bsog\.(?=\s)/g, 'sogenannte'], [/\bv\.\s?a\./g, 'vor allem'],
  [/\bEU\b/g, 'E-U'], [/\bNATO\b/g, 'Nato'],
];

function speakGerman(text: string): string {
  let out = ABBREVIATIONS.reduce((t, [re, to]) => t.replace(re, to), text)
    .replace(/(€|\$|£)\s?(\d(?:[\d.,]*\d)?)/g, (_w, sym: string, n: string) => `${n} ${CURRENCY[sym]}`)
    .replace(/\b(\d+),(\d{2})\s?(?:€|Euro)(?![\p{L}])/gu, (_w, e: string, c: string) => `${e} Euro${c === '00' ? '' : ` ${Number(c)}`}`)
    .replace(/\b1 (Millionen|Milliarden)\b/g, (_w, s: string) => `eine ${s === 'Millionen' ? 'Million' : 'Milliarde'}`)
    .replace(/(\d+)(?:-|\s)?(Millionen|Milliarden)\s?(€|\$|£)/g, (_w, n: string, s: string, sym: string) => `${n} ${s} ${CURRENCY[sym]}`);
  out = applyUnits(out, COMPILED);
  return out
    .replace(/\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?=[\s,;:!?)]|$)/g, (whole, d: string, m: string, y: string | undefined, offset: number, all: string) => {
      const month = MONTHS[Number(m) - 1];
      if (!month || Number(d) < 1 || Number(d) > 31) return whole;
      return `${ordinal(Number(d), all.slice(0, offset))} ${month}${y ? ` ${yearWord(Number(y.length === 2 ? `20${y}` : y))}` : ''}`;
    })
    .replace(new RegExp(String.raw`\b(\d{1,2})\. (?=(?:${MONTHS.join('|')})\b)`, 'g'), (_w, d: string, offset: number, all: string) => `${ordinal(Number(d), all.slice(0, offset))} `)
    .replace(/(?<=\b(?:der|die|das|den|dem|am|zum|vom|im|beim|des|zur|Der|Die|Das|Am|Zum|Beim|Im) )(\d{1,2})\.(?= \p{Ll}*\p{L})/gu, (_w, n: string, offset: number, all: string) => ordinal(Number(n), all.slice(0, offset)))
    .replace(/\b(1[1-9]\d0)er(?:-?\s?Jahre(n?))?\b/g, (_w, y: string, n?: string) => `${yearWord(Number(y))}er Jahre${n ?? ''}`)
    .replace(/\b([2-9]0)er(?:-?\s?Jahre(n?))?\b/g, (_w, y: string, n?: string) => `${germanCardinal(Number(y))}er Jahre${n ?? ''}`)
    // Counts of a thousand or more are written "1.500", so a bare four-digit number before 2000 is a year.
    .replace(/(?<![\w.,:/€$£-])(?<!\b(?:Nr\.|Nummer|Flug|Linie|Seite|Zimmer|Modell|Artikel|Paragraf|§) )(1[1-9]\d\d)\b(?![.,]\d|[-/]\d|\s?(?:%|Prozent|Euro|Dollar|Menschen|Personen|Stimmen|Meter|Kilometer))/g, (y: string) => yearWord(Number(y)))
    .replace(/\b(\d{1,2})[:.](\d{2}) Uhr\b/g, (_w, h: string, m: string) => `${Number(h)} Uhr${m === '00' ? '' : ` ${Number(m)}`}`)
    .replace(/\b(\d{1,2}):(\d{2})\b(?!:\d)/g, (whole, h: string, m: string) => (Number(h) < 25 && Number(m) < 60 ? `${Number(h)} Uhr${m === '00' ? '' : ` ${Number(m)}`}` : whole))
    .replace(/(?<![\w.,:])(\d{1,2}):(\d)(?![\w:])/g, '$1 zu $2')
    .replace(/(?<![\w.,-])(\d+)-(\d+)(?![\w-])/g, '$1 bis $2')
    .replace(/\b50\/50\b/g, 'fifty-fifty');
}

export const germanRules: SpokenRules = { scripts: ['Latin'], and: 'und', number: 'Nummer', steps: [speakGerman] };
