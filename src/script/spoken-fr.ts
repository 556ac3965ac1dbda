/** French rules for the ear: "le 1/04/2026" -> "le premier avril 2026", "10h30" -> "10 heures 30", "5 €" -> "5 euros". */
import type { SpokenRules } from './spoken-rules.js';
import { applyUnits, compileUnits, EUROPEAN_NUMBER, type UnitRow } from './spoken-unit-table.js';

const ONES = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze',
  'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'];
const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

function frenchCardinal(n: number): string {
  if (n < 20) return ONES[n] ?? String(n);
  if (n < 70) {
    const tens = TENS[Math.floor(n / 10)] ?? '';
    const unit = n % 10;
    return unit === 0 ? tens : unit === 1 ? `${tens}-et-un` : `${tens}-${ONES[unit]}`;
  }
  if (n < 80) return n === 71 ? 'soixante-et-onze' : `soixante-${frenchCardinal(n - 60)}`;
  if (n < 100) return n === 80 ? 'quatre-vingts' : `quatre-vingt-${frenchCardinal(n - 80)}`;
  return String(n);
}

/** "deuxième", "vingt-et-unième", "cinquième", "neuvième"; 1 is "premier"/"première". */
function frenchOrdinal(n: number, feminine = false): string {
  if (n === 1) return feminine ? 'première' : 'premier';
  const words = frenchCardinal(n);
  return words.replace(/(cinq|neuf|e)?$/, (end: string) => (end === 'cinq' ? 'cinqu' : end === 'neuf' ? 'neuv' : '')) + 'ième';
}

const UNITS: UnitRow[] = [
  ['km/h', 'kilomètre heure', 'kilomètres heure'], ['km²', 'kilomètre carré', 'kilomètres carrés'], ['m²', 'mètre carré', 'mètres carrés'],
  ['km', 'kilomètre', 'kilomètres'], ['cm', 'centimètre', 'centimètres'], ['mm', 'millimètre', 'millimètres'], ['m', 'mètre', 'mètres'],
  ['kg', 'kilo', 'kilos'], ['g', 'gramme', 'grammes'], ['t', 'tonne', 'tonnes'], ['l', 'litre', 'litres'],
  ['°C|° C', 'degré', 'degrés'], ['°', 'degré', 'degrés'], ['kWh', 'kilowattheure', 'kilowattheures'], ['MW', 'mégawatt', 'mégawatts'],
  ['%', 'pour cent', 'pour cent'], ['€|EUR|euros?', 'euro', 'euros'], ['\\$|USD|dollars?', 'dollar', 'dollars'],
  ['£|livres?', 'livre', 'livres'], ['CHF', 'franc suisse', 'francs suisses'],
];
const COMPILED = compileUnits(UNITS, EUROPEAN_NUMBER);
const CURRENCY: Record<string, string> = { '€': "d'euros", $: 'de dollars', '£': 'de livres' };

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bM\.(?=\s\p{Lu})/gu, 'Monsieur'], [/\bMM\.(?=\s\p{Lu})/gu, 'Messieurs'], [/\bMmes\b\.?/g, 'Mesdames'], [/\bMme\b\.?/g, 'Madame'],
  [/\bMlle\b\.?/g, 'Mademoiselle'], [/\bDr\b\.?(?=\s\p{Lu})/gu, 'Docteur'], [/\bPr\b\.?(?=\s\p{Lu})/gu, 'Professeur'],
  [/\bSte-(?=\p{Lu})/gu, 'Sainte-'], [/\bSt-(?=\p{Lu})/gu, 'Saint-'], [/\betc\./g, 'et cetera'], [/\bp\.\s?ex\./g, 'par exemple'],
  [/\bc\.-à-d\./g, "c'est-à-dire"], [/\bn[°º]\s?/g, 'numéro '], [/\bN[°º]\s?/g, 'Numéro '], [/\benv\.(?=\s)/g, 'environ'],
  [/\bav\.\s?J\.-C\./g, 'avant Jésus-Christ'], [/\bapr\.\s?J\.-C\./g, 'après Jésus-Christ'], [/\bbd\b\.?(?=\s)/g, 'boulevard'],
  [/\bav\.(?=\s)/g, 'avenue'], [/\bUE\b/g, 'U-E'], [/\bOTAN\b/g, 'Otan'],
];

function scale(n: string, word: string): string {
  // Below two the scale word stays singular: "1,5 milliard".
  const value = Number(n.replace(/[\s\u00A0\u202F]/g, '').replace(',', '.'));
  return `${n} ${word}${value >= 2 ? 's' : ''}`;
}

function speakFrench(text: string): string {
  let out = ABBREVIATIONS.reduce((t, [re, to]) => t.replace(re, to), text)
    .replace(/(\d+(?:,\d+)?)\s?(Mds?|Md|M)\s?(€|\$|£)/g, (_w, n: string, s: string, sym: string) => `${scale(n, s === 'M' ? 'million' : 'milliard')} ${CURRENCY[sym]}`)
    .replace(/(\d+(?:,\d+)?)\s?(millions?|milliards?)\s?(€|\$|£)/g, (_w, n: string, s: string, sym: string) => `${scale(n, s.replace(/s$/, ''))} ${CURRENCY[sym]}`)
    .replace(/\b(\d+),(\d{2})\s?€/g, (_w, e: string, c: string) => `${e} ${e === '1' ? 'euro' : 'euros'}${c === '00' ? '' : ` ${Number(c)}`}`)
    .replace(/(€|\$|£)\s?(\d(?:[\d,]*\d)?)/g, (_w, sym: string, n: string) => `${n} ${sym}`);
  out = applyUnits(out, COMPILED);
  return out
    .replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (whole, d: string, m: string, y: string) => {
      const month = MONTHS[Number(m) - 1];
      return month && Number(d) >= 1 && Number(d) <= 31 ? `${Number(d) === 1 ? '1er' : Number(d)} ${month} ${y}` : whole;
    })
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (whole, y: string, m: string, d: string) => {
      const month = MONTHS[Number(m) - 1];
      return month ? `${Number(d) === 1 ? '1er' : Number(d)} ${month} ${y}` : whole;
    })
    .replace(new RegExp(String.raw`\b1 (?=(?:${MONTHS.join('|')})\b)`, 'g'), '1er ')
    .replace(/\b(\d{1,3})(er|re|ère|e|ème|nd|nde)\b/g, (whole, n: string, suffix: string) =>
      Number(n) < 100 ? frenchOrdinal(Number(n), suffix === 're' || suffix === 'ère') : whole)
    .replace(/\b(\d{1,2})\s?[h:](\d{2})\b/g, (whole, h: string, m: string) =>
      Number(h) < 25 ? `${Number(h)} ${Number(h) <= 1 ? 'heure' : 'heures'}${m === '00' ? '' : ` ${Number(m)}`}` : whole)
    .replace(/\b(\d{1,2})\s?h\b/g, (_w, h: string) => `${Number(h)} ${Number(h) <= 1 ? 'heure' : 'heures'}`)
    .replace(/(?<![\w.,-])(\d+)-(\d+)(?![\w-])/g, '$1 à $2')
    .replace(/\b50\/50\b/g, 'moitié-moitié');
}

export const frenchRules: SpokenRules = { scripts: ['Latin'], and: 'et', number: 'numéro', steps: [speakFrench] };
