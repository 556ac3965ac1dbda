/**
 * Short story labels for the intro ("Today: Harbridge council; deep-sea coral reef; and Storm Elena."), built from
 * the headline's key terms rather than its opening words, so the story that follows does not sound like a repeat of
 * the teaser. A label must read as a noun phrase: it never ends on a verb, a possessive or half of a name.
 *
 * The rules, for a headline's first clause (figures and leading function words left out):
 * 1. The subject is the words up to the first function word or verb, at most `maxWords`.
 * 2. A name (two or more capitalised words) followed by a lower-case word is the name and its verb: the name alone
 *    ("Zully Broussard decided ..." -> "Zully Broussard"). A single capitalised word before a noun modifies it
 *    ("Two American women arrested" -> "American women").
 * 3. English verbs are told by headline grammar: a past form (in -ed, "Police raided", or irregular, "won"), a word
 *    in -s after a singular word ("China sends", "Rory McIlroy throws"), a bare word after a plural ("Night trains
 *    return", "Polls show", "Police call").
 *    Where the article is given, a word it also uses as a noun ("the trains", "bills will") is no verb.
 * 4. A possessive at the end loses its "'s" ("Spain's" -> "Spain"); a name cut by the word limit is left out
 *    ("Religion professor Candida" -> "Religion professor").
 * 5. An opening adverbial ("According to a report, ...", "After months of talks, ...") gives way to the next clause.
 * 6. A lone generic subject ("Scientists map vast deep-sea coral reef") gives way to the object after the verb when
 *    that names no one: its last `maxWords` words, where English puts the head noun ("deep-sea coral reef").
 */
import { isStopword, rawTokens } from './tokens.js';

export interface StoryLabelOptions {
  maxWords?: number;
  /** The story's text: tells plural nouns from verbs ("the trains" against "sends"). */
  body?: string;
  /** BCP 47 language of the headline; the verb rules are English. Default English. */
  language?: string;
}

/** A word that carries no topic (English function words; other languages' labels stop at their figures and clauses). */
const isFunctionWord = (word: string): boolean => rawTokens(word).every((t) => isStopword(t));
/** A name's word: a capital initial or an acronym, in any script. */
const isNameWord = (word: string): boolean => /^\p{Lu}/u.test(word);
const POSSESSIVE = /['’]s?$/;

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The article uses `word` as a noun: after a determiner or quantifier (alone, or with the word before it in the
 * headline: "the flood defences"), or before an auxiliary ("bills will").
 */
function usedAsNoun(word: string, body: string, previous?: string): boolean {
  const w = escape(word.toLowerCase());
  const compound = previous === undefined ? '' : `(?:${escape(previous.toLowerCase())}\\s+)?`;
  return new RegExp(
    `\\b(?:the|a|an|this|that|these|those|its|their|his|her|our|new|more|some|many|all|no|of)\\s+${compound}${w}\\b|\\b${w}\\s+(?:will|would|are|were|have|had|is|was|can|could|may|must|should)\\b`,
    'i',
  ).test(body);
}

/** The article writes `word` capitalised after a sentence's first word, and never in lower case: a name. */
function writtenAsName(word: string, body: string): boolean {
  const w = escape(word.replace(POSSESSIVE, ''));
  return new RegExp(`[\\p{Ll},]\\s+${w}(?![\\p{L}])`, 'u').test(body) && !new RegExp(`(?<![\\p{L}])${w.toLowerCase()}(?![\\p{L}])`, 'u').test(body);
}

/** Plurals without an -s. */
const BARE_PLURALS = new Set('police people children men women staff crew crews cattle'.split(' '));
/** English irregular past forms (regular ones end in -ed). */
const IRREGULAR_PAST = new Set(
  ('won lost led met held left sent told took gave made found saw shot fled fell got paid sold struck spent began ran came ' +
    'went became broke chose drove flew froze stole threw wrote rose bought brought caught fought taught thought built ' +
    'kept swept dug hung stuck swung spun shut quit set hit cut put let split spread sank sang rang').split(' '),
);

/** Plural by form: a common noun in -s (not -ss, -us) or a plural without one, not a name word after the headline's first. */
function pluralNoun(word: string, index: number): boolean {
  return (/[^su']s$/i.test(word) || BARE_PLURALS.has(word.toLowerCase())) && !(index > 0 && isNameWord(word));
}

/** Whether `word` (at `index` in the subject run) reads as the headline's verb after `previous`. */
function readsAsVerb(word: string, previous: string, index: number, body: string | undefined): boolean {
  if (isNameWord(word) || word.includes('-')) return false;
  const noun = body !== undefined && usedAsNoun(word, body);
  if (/[a-z]{2}ed$/.test(word) || IRREGULAR_PAST.has(word)) return !noun;
  if (pluralNoun(previous, index - 1)) return !/s$/.test(word) && !noun;
  // After a singular word or a name, a word in -s is its verb, unless the article has it as a noun, also in the
  // headline's compound ("the flood defences"); without the article a plural noun is as likely.
  if (!/[^s']s$/.test(word)) return false;
  return body === undefined ? isNameWord(previous) && index > 1 : !usedAsNoun(word, body, previous);
}

/** A clause opening with a preposition, a subordinator or a participle that introduces one. */
const ADVERBIAL_OPENER = /^(?:according|following|after|before|despite|amid|during|since|while|when|once|although|though|if|as|in|on|at|for|with|without|ahead of|in spite of)\b/i;

/** Number words are figures too ("Three Danish sailors" is about sailors), and so are the words that hedge them. */
const NUMBER_WORD = /^(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozens|hundreds|thousands|millions|least|nearly|almost|around|roughly|approximately)$/i;

function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^["'“”‘’«»(]+|["“”‘«»),.]+$/g, '').replace(/’$/, ''))
    .filter((w) => w !== '' && !/\d/.test(w) && !/^[£$€¥₹]/.test(w) && !NUMBER_WORD.test(w));
}

/**
 * Labels in German, French, Spanish and Russian, whose verbs English's rules cannot tell. German capitalises every
 * noun, so its label is the headline's leading capitalised words after an article ("Stadtrat beschließt ..." is
 * "Stadtrat"); the others write common nouns in lower case, so a name in the headline is its label ("La ville de
 * Belmont ouvre ..." is "Belmont"; a Russian name right after a preposition is declined, "В Казани", and is not
 * taken alone).
 */
const LEADING_ARTICLE: Record<string, RegExp> = {
  de: /^(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer)$/i,
};

const RU_PREPOSITION = /^(?:в|во|на|с|со|к|ко|о|об|у|из|от|до|по|при|за|под|над)$/i;

function otherLanguageLabel(words: readonly string[], language: string, maxWords: number): string | undefined {
  const article = LEADING_ARTICLE[language];
  if (article) {
    const from = article.test(words[0] ?? '') ? 1 : 0;
    const run: string[] = [];
    for (const word of words.slice(from)) {
      if (!isNameWord(word) || run.length >= maxWords) break;
      run.push(word);
    }
    return run.length > 0 ? run.join(' ') : undefined;
  }
  if (!['fr', 'es', 'ru'].includes(language)) return undefined;
  // A Russian name after a preposition is declined ("В Казани"): the label keeps the preposition's phrase instead.
  const declined = (i: number) => language === 'ru' && RU_PREPOSITION.test(words[i - 1] ?? '');
  const at = words.findIndex((w, i) => i > 0 && isNameWord(w) && !declined(i));
  if (at < 0) return undefined;
  const name: string[] = [];
  for (const word of words.slice(at)) {
    if (!isNameWord(word) || name.length >= maxWords) break;
    name.push(word);
  }
  return name.join(' ');
}

export function storyLabel(headline: string, options: StoryLabelOptions = {}): string {
  const maxWords = options.maxWords ?? 3;
  const english = (options.language ?? 'en').toLowerCase().startsWith('en');
  if (!english) {
    const language = (options.language ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
    const first = headline.split(/\s*(?:[:;?!|]|\s[-–—]\s|,\s)\s*/)[0] ?? headline;
    const label = otherLanguageLabel(words(first), language, maxWords);
    if (label) return label.replace(POSSESSIVE, '');
  }
  const body = english ? options.body : undefined;
  const clauses = headline.split(/\s*(?:[:;?!|]|\s[-–—]\s|,\s)\s*/);
  // An opening adverbial ("According to a report, ...", "After a long delay, ...") is no subject: the next clause has it.
  const clause = (english && clauses.length > 1 && ADVERBIAL_OPENER.test(clauses[0] ?? '') ? clauses[1] : clauses[0]) ?? headline;
  const all = words(clause);
  let start = 0;
  // A leading function word goes, unless the article writes it as part of a name ("New Zealand", never "new zealand").
  const startsName = (i: number) => body !== undefined && isNameWord(all[i + 1] ?? '') && writtenAsName(`${all[i]} ${all[i + 1]}`, body);
  while (start < all.length - 1 && isFunctionWord(all[start] as string) && !startsName(start)) start++;
  const run = all.slice(start);
  const subject: string[] = [];
  let verbAt = -1;
  for (const [i, word] of run.entries()) {
    if (subject.length > 0 && isFunctionWord(word)) break;
    if (english && subject.length > 0 && readsAsVerb(word, subject[subject.length - 1] as string, i, body)) {
      verbAt = i;
      break;
    }
    if (subject.length >= maxWords) break;
    subject.push(word);
  }
  const nameEnd = subject.findIndex((w) => !isNameWord(w));
  const nameLength = nameEnd < 0 ? subject.length : nameEnd;
  // A headline's first word is capitalised anyway: alone it is a name only when written in capitals ("MLS"), or
  // when the article writes it capitalised inside its sentences and never in lower case ("China", not "Scientists").
  const first = subject[0] ?? '';
  const fullName = nameLength > 1 || (nameLength === 1 && (start > 0 || /^\p{Lu}{2,}$/u.test(first) || (body !== undefined && writtenAsName(first, body))));
  // (In English a single name word before a noun modifies it, "American women"; other languages keep the name.)
  let label = fullName && (nameLength > 1 || !english) ? subject.slice(0, nameLength) : subject;
  // Without the article an -s verb after a common noun goes unseen: the word limit's last word may be it.
  if (body === undefined && !fullName && verbAt < 0 && subject.length >= maxWords) label = subject.slice(0, maxWords - 1);
  // Half a name at the end: the word limit cut it ("Religion professor Candida Moss").
  const next = run[label.length];
  if (label.length > 1 && next !== undefined && isNameWord(next) && isNameWord(label[label.length - 1] ?? '') && !label.every(isNameWord)) {
    while (label.length > 1 && isNameWord(label[label.length - 1] ?? '')) label = label.slice(0, -1);
  }
  if (english && verbAt > 0 && label.length === 1 && !fullName) {
    const object = run.slice(verbAt + 1);
    // Only an article may stand before the object; "decided to sell ..." has a verb phrase, not an object.
    const from = /^(?:a|an|the)$/i.test(object[0] ?? '') ? 1 : 0;
    const phrase: string[] = [];
    for (const word of object.slice(from)) {
      if (isFunctionWord(word)) break;
      phrase.push(word);
    }
    if (phrase.length > 1 && !phrase.some(isNameWord)) label = phrase.slice(-maxWords);
  }
  const text = label.join(' ').replace(POSSESSIVE, '').trim();
  return text || headline.trim();
}
