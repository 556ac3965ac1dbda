/** Units, percentages and basis points in English: "80mph" -> "80 miles per hour", "5ft 10in" -> "5 feet 10 inches". */
import type { SpokenContext } from './spoken-rules.js';
import { applyUnits, compileUnits, ENGLISH_NUMBER, type UnitRow } from './spoken-unit-table.js';

const UNITS: UnitRow[] = [
  ['km/h|kph|kmh', 'kilometre per hour', 'kilometres per hour'], ['mph', 'mile per hour', 'miles per hour'],
  ['sq km|km2|km²', 'square kilometre', 'square kilometres'], ['sq ft', 'square foot', 'square feet'],
  ['sq mi', 'square mile', 'square miles'], ['m2|m²', 'square metre', 'square metres'],
  ['km', 'kilometre', 'kilometres'], ['cm', 'centimetre', 'centimetres'], ['mm', 'millimetre', 'millimetres'],
  ['ft', 'foot', 'feet'], ['in', 'inch', 'inches', true], ['yd|yds', 'yard', 'yards'],
  ['kg|kgs', 'kilogram', 'kilograms'], ['mg', 'milligram', 'milligrams'], ['g', 'gram', 'grams', true],
  ['lb|lbs', 'pound', 'pounds'], ['oz', 'ounce', 'ounces'], ['ml', 'millilitre', 'millilitres'], ['l', 'litre', 'litres', true],
  ['°C|ºC|° C|C', 'degree Celsius', 'degrees Celsius', true], ['°F|ºF|° F|F', 'degree Fahrenheit', 'degrees Fahrenheit', true],
  ['°', 'degree', 'degrees', true],
  ['kWh', 'kilowatt hour', 'kilowatt hours'], ['MWh', 'megawatt hour', 'megawatt hours'], ['GWh', 'gigawatt hour', 'gigawatt hours'],
  ['TWh', 'terawatt hour', 'terawatt hours'], ['kW', 'kilowatt', 'kilowatts'], ['MW', 'megawatt', 'megawatts'],
  ['GW', 'gigawatt', 'gigawatts'], ['TB', 'terabyte', 'terabytes'], ['GB', 'gigabyte', 'gigabytes'], ['MB', 'megabyte', 'megabytes'],
  ['GHz', 'gigahertz', 'gigahertz'], ['MHz', 'megahertz', 'megahertz'], ['kHz', 'kilohertz', 'kilohertz'],
  ['ha', 'hectare', 'hectares'], ['mins?', 'minute', 'minutes'], ['hrs?', 'hour', 'hours'], ['secs?', 'second', 'seconds'],
  ['yrs?', 'year', 'years'], ['ppm', 'part per million', 'parts per million'], ['bps|bp', 'basis point', 'basis points'],
  ['pct|%', 'percent', 'percent'], ['pp', 'percentage point', 'percentage points', true], ['x', 'times', 'times', true],
];
/** "100m" is metres before a race ("the 100-metre sprint") or a measure ("30 metres high"), otherwise millions ("5m people"). */
const RACE = /^\s*(?:sprint|sprinter|race|hurdles|hurdler|freestyle|backstroke|breaststroke|butterfly|medley|relay|final|dash|runner|swimmer|champion|title|world record)\b/;
const MEASURE = /^\s*(?:high|tall|long|deep|wide|away|above|below|under|of water)\b/;

/** A following word that is a noun the distance describes, not a preposition or conjunction. */
const BEFORE_NOUN = /^\s(?!(?:in|at|on|and|or|too|to|for|with|of|from|by|as|the|a|an|but|was|is|were|are|last|this|that|after|before|when)\b)[a-z]+/;
/** Race distances in a sentence about sport are metres even without a following noun ("won the 200m"). */
const DISTANCES = new Set(['50', '60', '100', '110', '200', '400', '800', '1500', '1,500', '3000', '5000', '10,000', '10000']);
const SPORT = /sprint|race|hurdl|freestyle|backstroke|breaststroke|butterfly|medley|relay|swim|athlet|Olympi|medal|gold|silver|bronze|heat|world record|champion/i;

function metreWords(n: string, after: string, sentence: string, ctx: SpokenContext): string | undefined {
  if (RACE.test(after)) return spell(`${n}-metre`, ctx);
  if (MEASURE.test(after)) return spell(`${n} ${n === '1' ? 'metre' : 'metres'}`, ctx);
  if (DISTANCES.has(n) && SPORT.test(sentence)) return spell(BEFORE_NOUN.test(after) ? `${n}-metre` : `${n} metres`, ctx);
  return undefined;
}
const COMPILED = compileUnits(UNITS, ENGLISH_NUMBER);

function spell(word: string, ctx: SpokenContext): string {
  return ctx.us ? word.replace(/(metre|litre)(s?)\b/g, (_w, u: string, s: string) => `${u.slice(0, -2)}er${s}`) : word;
}

export function speakEnglishUnits(text: string, ctx: SpokenContext): string {
  let out = text
    .replace(/(\d)'(\d{1,2})"/g, '$1ft $2in')
    .replace(/(\d)\s?(?:per cent|percent)\b/g, '$1 percent');
  out = applyUnits(out, COMPILED, (word) => spell(word, ctx));
  return out.replace(/(?<![\w.,])(\d[\d,]*(?:\.\d+)?)m\b(?!\.\d)/g, (match: string, n: string, offset: number, whole: string) =>
    metreWords(n, whole.slice(offset + match.length), whole, ctx) ?? `${n} million`,
  );
}
