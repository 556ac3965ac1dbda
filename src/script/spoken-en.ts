/** English rules for the ear: abbreviations, initialisms, money, units, dates and times. */
import { speakEnglishDates } from './spoken-dates.js';
import type { SpokenContext, SpokenRules } from './spoken-rules.js';
import { speakEnglishMoney } from './spoken-money.js';
import { speakEnglishUnits } from './spoken-units.js';

const TITLES: Array<[RegExp, string]> = [
  [/\bMr\.?(?=\s)/g, 'Mister'], [/\bMrs\.?(?=\s)/g, 'Missus'], [/\bDr\.(?=\s)/g, 'Doctor'], [/\bProf\.(?=\s)/g, 'Professor'],
  [/\bGov\.(?=\s)/g, 'Governor'], [/\bSen\.(?=\s)/g, 'Senator'], [/\bRep\.(?=\s)/g, 'Representative'],
  [/\bGen\.(?=\s)/g, 'General'], [/\bLt\.(?=\s)/g, 'Lieutenant'], [/\bSgt\.(?=\s)/g, 'Sergeant'],
  [/\bCapt\.(?=\s)/g, 'Captain'], [/\bCol\.(?=\s)/g, 'Colonel'], [/\bAdm\.(?=\s)/g, 'Admiral'], [/\bMaj\.(?=\s)/g, 'Major'],
  [/\bCpl\.(?=\s)/g, 'Corporal'], [/\bRev\.(?=\s)/g, 'Reverend'], [/\bPres\.(?=\s)/g, 'President'], [/\bSupt\.(?=\s)/g, 'Superintendent'],
  [/\bInsp\.(?=\s)/g, 'Inspector'], [/\bJr\.(?=[\s,]|$)/g, 'Junior'], [/\bSr\.(?=[\s,]|$)/g, 'Senior'],
  // "St." before a name is a saint; after one it is a street.
  [/\bSt\.?(?= [A-Z])/g, 'Saint'], [/(?<=[A-Z][a-z]+ )St\b\.?/g, 'Street'], [/\bMt\.(?= [A-Z])/g, 'Mount'], [/\bFt\.(?= [A-Z])/g, 'Fort'],
  [/(?<=[A-Z][a-z]+ )Ave\b\.?/g, 'Avenue'], [/(?<=[A-Z][a-z]+ )Rd\b\.?/g, 'Road'], [/(?<=[A-Z][a-z]+ )Blvd\b\.?/g, 'Boulevard'],
];
const PHRASES: Array<[RegExp, string]> = [
  [/\be\.g\.,?/gi, 'for example'], [/\bi\.e\.,?/gi, 'that is'], [/\betc\.(?=\s*$)/g, 'and so on.'], [/\betc\./g, 'and so on'],
  [/\bvs\.?(?=\s)/gi, 'versus'], [/\bapprox\.(?=\s)/gi, 'approximately'], [/\bNo\.\s?(?=\d)/g, 'Number '],
  [/\bNos\.\s?(?=\d)/g, 'Numbers '], [/\bno\.\s?(?=\d)/g, 'number '], [/\bw\/(?=\s)/g, 'with'], [/\bw\/o(?=\s)/g, 'without'],
  [/\bDept\b(?:\.(?=\s))?/g, 'Department'], [/\bdept\b(?:\.(?=\s))?/g, 'department'], [/\bGovt\b\.?|\bGov't\b/g, 'Government'],
  [/\bgovt\b\.?|\bgov't\b/g, 'government'], [/\best\.(?=\s)/g, 'estimated'], [/\bCorp\.(?=\s|$)/g, 'Corporation'],
  [/\bBros\.(?=\s|$)/g, 'Brothers'], [/\bUniv\.(?=\s)/g, 'University'], [/\bIntl\b\.?/g, 'International'],
  [/\bAssn\.(?=\s)/g, 'Association'], [/\bfig\.(?=\s)/gi, 'figure'], [/\bca\.\s?(?=\d)/g, 'about '],
  [/(?<=\s)yr\b/g, 'year'], [/(?<=\s)yrs\b/g, 'years'],
  [/~\s?(?=\d)/g, 'about '], [/≈\s?(?=\d)/g, 'about '], [/(\d)\s?×\s?(\d)/g, '$1 by $2'], [/(\d)\+(?!\d)/g, '$1 plus'],
  [/(\d)\s?\+\s?(\d)/g, '$1 plus $2'], [/\s=\s/g, ' equals '], [/±\s?/g, 'plus or minus '], [/\band\/or\b/g, 'and or'],
];

/** Initialisms a newsreader says as a word, written the way the BBC does so every engine reads them as one. */
const AS_WORDS: Record<string, string> = {
  NATO: 'Nato', NASA: 'Nasa', UNESCO: 'Unesco', UNICEF: 'Unicef', OPEC: 'Opec', FIFA: 'Fifa', UEFA: 'Uefa', AIDS: 'Aids',
  NAFTA: 'Nafta', ASEAN: 'Asean', OFCOM: 'Ofcom', OFSTED: 'Ofsted', COVID: 'Covid', SARS: 'Sars', MERS: 'Mers',
  BAFTA: 'Bafta', ISIS: 'Isis', CERN: 'Cern', FEMA: 'Fema', OSHA: 'Osha', NASDAQ: 'Nasdaq', FTSE: 'Footsie', IKEA: 'Ikea',
  LEGO: 'Lego', EFTA: 'Efta', DEFRA: 'Defra', FRONTEX: 'Frontex', INTERPOL: 'Interpol', MAGA: 'Maga', NIMBY: 'nimby',
  SWAT: 'Swat', UNAIDS: 'UN Aids', UNHCR: 'UNHCR', OECD: 'OECD', GCHQ: 'GCHQ', MI5: 'MI5', CAFOD: 'Cafod', ACAS: 'Acas',
  DVLA: 'DVLA', PIN: 'pin', LASER: 'laser', RADAR: 'radar', SCUBA: 'scuba', TASER: 'Taser', JPEG: 'jay peg',
};
/** Initialisms spelled letter by letter that an engine would otherwise read as a word. */
const AS_LETTERS: Record<string, string> = {
  WHO: 'W-H-O', AI: 'A-I', UN: 'U-N', EU: 'E-U', IT: 'I-T', ID: 'I-D', CEO: 'C-E-O', GOP: 'G-O-P', IMF: 'I-M-F',
  IRA: 'I-R-A', SNP: 'S-N-P', DUP: 'D-U-P', LA: 'L-A', NY: 'New York', NYC: 'New York City',
};

function speakInitialisms(text: string): string {
  // A headline in capitals is not a string of initialisms: only words in mixed-case text are looked up.
  const shouting = (text.match(/\b[A-Z]{2,}\b/g)?.length ?? 0) > Math.max(3, (text.match(/\b\w+\b/g)?.length ?? 0) / 2);
  if (shouting) return text;
  return text.replace(/\b[A-Z][A-Z0-9]{1,8}\b/g, (word) => AS_WORDS[word] ?? AS_LETTERS[word] ?? word);
}

function speakAcronyms(text: string): string {
  // "U.S." -> "US"; a final period that also ends the sentence is kept.
  return text.replace(/\b((?:[A-Z]\.){2,})(?=(\s|$|[,;:'"”’]))/g, (dotted: string, _d, _n, offset: number, whole: string) => {
    const letters = dotted.replace(/\./g, '');
    const atEnd = whole.slice(offset + dotted.length).trim() === '';
    return atEnd ? `${letters}.` : letters;
  });
}

function replaceAll(table: Array<[RegExp, string]>) {
  return (text: string): string => table.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

export const englishRules: SpokenRules = {
  scripts: ['Latin'],
  and: 'and',
  number: 'number',
  steps: [
    replaceAll(TITLES),
    replaceAll(PHRASES),
    speakEnglishMoney,
    speakEnglishUnits,
    (text: string, ctx: SpokenContext) => speakEnglishDates(text, ctx),
    (text: string) => text.replace(/\bper cent\b/g, 'percent'),
    speakAcronyms,
    speakInitialisms,
  ],
};
