/** Spanish rules for the ear: "12/04/2026" -> "12 de abril de 2026", "1.º" -> "primero", "3,5 %" -> "3,5 por ciento". */
import type { SpokenRules } from './spoken-rules.js';
import { applyUnits, compileUnits, EUROPEAN_NUMBER, type UnitRow } from './spoken-unit-table.js';

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const ORDINALS = ['', 'primer', 'segund', 'tercer', 'cuart', 'quint', 'sext', 'séptim', 'octav', 'noven', 'décim', 'undécim',
  'duodécim', 'decimotercer', 'decimocuart', 'decimoquint', 'decimosext', 'decimoséptim', 'decimoctav', 'decimonoven', 'vigésim'];

const UNITS: UnitRow[] = [
  ['km/h', 'kilómetro por hora', 'kilómetros por hora'], ['km²', 'kilómetro cuadrado', 'kilómetros cuadrados'],
  ['m²', 'metro cuadrado', 'metros cuadrados'], ['km', 'kilómetro', 'kilómetros'], ['cm', 'centímetro', 'centímetros'],
  ['mm', 'milímetro', 'milímetros'], ['m', 'metro', 'metros'], ['kg', 'kilo', 'kilos'], ['g', 'gramo', 'gramos'],
  ['t', 'tonelada', 'toneladas'], ['l', 'litro', 'litros'], ['°C|ºC|° C', 'grado', 'grados'], ['°', 'grado', 'grados'],
  ['kWh', 'kilovatio hora', 'kilovatios hora'], ['MW', 'megavatio', 'megavatios'], ['%', 'por ciento', 'por ciento'],
  ['€|EUR|euros?', 'euro', 'euros'], ['US\\$|\\$|USD|dólares?', 'dólar', 'dólares'], ['£|libras?', 'libra', 'libras'],
];
const COMPILED = compileUnits(UNITS, EUROPEAN_NUMBER);
const CURRENCY: Record<string, string> = { '€': 'de euros', $: 'de dólares', US$: 'de dólares', '£': 'de libras' };

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bSr\.(?=\s)/g, 'señor'], [/\bSra\.(?=\s)/g, 'señora'], [/\bSrta\.(?=\s)/g, 'señorita'], [/\bDr\.(?=\s)/g, 'doctor'],
  [/\bDra\.(?=\s)/g, 'doctora'], [/\bProf\.(?=\s)/g, 'profesor'], [/\bEE\.\s?UU\.?(?=[\s,;:]|$)/g, 'Estados Unidos'],
  [/\bUds\.(?=\s)/g, 'ustedes'], [/\bUd\.(?=\s)/g, 'usted'], [/\betc\./g, 'etcétera'], [/\bp\.\s?ej\./g, 'por ejemplo'],
  [/\bn\.?[ºo°]\s?(?=\d)/g, 'número '], [/\bnúm\.\s?(?=\d)/g, 'número '], [/\bAvda\.(?=\s)/g, 'avenida'],
  [/\baprox\.(?=\s)/g, 'aproximadamente'], [/\ba\.\s?C\./g, 'antes de Cristo'], [/\bd\.\s?C\./g, 'después de Cristo'],
  [/\bGral\.(?=\s)/g, 'general'], [/\bpág\.(?=\s)/g, 'página'], [/\bSta\.(?=\s\p{Lu})/gu, 'Santa'], [/\bSto\.(?=\s\p{Lu})/gu, 'Santo'],
  [/\bmill\.(?=\s)/g, 'millones'], [/\bUE\b/g, 'U-E'], [/\bOTAN\b/g, 'Otan'],
];

function clock(h: string, m: string): string {
  const minutes = Number(m);
  return minutes === 0 ? `${Number(h)} en punto` : minutes === 30 ? `${Number(h)} y media` : minutes === 15 ? `${Number(h)} y cuarto` : `${Number(h)} y ${minutes}`;
}

function speakSpanish(text: string): string {
  let out = ABBREVIATIONS.reduce((t, [re, to]) => t.replace(re, to), text)
    .replace(/(\d+(?:,\d+)?)\s?(millones|mil millones)\s?(US\$|€|\$|£)/g, (_w, n: string, s: string, sym: string) => `${n} ${s} ${CURRENCY[sym]}`)
    .replace(/\b(\d+),(\d{2})\s?€/g, (_w, e: string, c: string) => `${e} ${e === '1' ? 'euro' : 'euros'}${c === '00' ? '' : ` con ${Number(c)}`}`)
    .replace(/(US\$|€|\$|£)\s?(\d(?:[\d.,]*\d)?)/g, (_w, sym: string, n: string) => `${n} ${sym}`);
  out = applyUnits(out, COMPILED);
  return out
    .replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (whole, d: string, m: string, y: string) => {
      const month = MONTHS[Number(m) - 1];
      return month && Number(d) >= 1 && Number(d) <= 31 ? `${Number(d)} de ${month} de ${y}` : whole;
    })
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (whole, y: string, m: string, d: string) => {
      const month = MONTHS[Number(m) - 1];
      return month ? `${Number(d)} de ${month} de ${y}` : whole;
    })
    .replace(/\b(\d{1,2})\.?(?:(º|°|o)|(ª|a)|(er))(?![\p{L}\d])/gu, (whole, n: string, masc?: string, fem?: string, apocope?: string) => {
      const stem = ORDINALS[Number(n)];
      if (!stem) return whole;
      if (apocope) return stem.endsWith('r') ? stem : `${stem}o`;
      if (fem) return stem.endsWith('r') ? `${stem}a` : `${stem}a`;
      return `${stem}o`;
    })
    .replace(/\b(\d{1,2})[:.](\d{2})\s?(?:h|hrs|horas)\b/g, (whole, h: string, m: string) => (Number(h) < 25 ? clock(h, m) : whole))
    .replace(/\b(\d{1,2}):(\d{2})\b(?!:\d)/g, (whole, h: string, m: string) => (Number(h) < 25 && Number(m) < 60 ? clock(h, m) : whole))
    .replace(/(?<![\w.,-])(\d+)-(\d+)(?![\w-])/g, '$1 a $2')
    .replace(/\b50\/50\b/g, 'mitad y mitad');
}

export const spanishRules: SpokenRules = { scripts: ['Latin'], and: 'y', number: 'número', steps: [speakSpanish] };
