/**
 * Lines that are page furniture or that a voice cannot say: caption labels, datelines glued
 * to the first word, emoji and letters of a script the segment's language does not use.
 * Written independently of the cleaner's rules, so it can catch what they miss.
 */

const CAPTION =
  /^(?:pictured\b|(?:above|below|inset|top|bottom)(?:\s+(?:left|right))?\s*:|(?:from\s+)?left\s+to\s+right\b|\(?l-r\)?|from\s+(?:left|right)\s*[:,]|clockwise\s+from\b|(?:photo|image|picture|video|media)\s*(?:caption|credit)?\s*:|(?:watch|video|gallery)\s*:)/i;
/** One or two capitalised words and a colon heading a short caption ("Devastation: Residents ..."). */
const WORD_LABEL = /^(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Ll}[\p{Ll}'’-]+)?|\p{Lu}{3,}):\s+["“‘']?\p{Lu}/u;
const ORDINARY_OPENERS = new Set("the a an his her their our my its it's it this that these those what why how who when where which here there one".split(' '));
const MAX_CAPTION_CHARS = 200;

export function isCaptionLike(sentence: string): boolean {
  const text = sentence.trim();
  if (CAPTION.test(text)) return true;
  const label = WORD_LABEL.exec(text)?.[1];
  return Boolean(label && text.length <= MAX_CAPTION_CHARS && !ORDINARY_OPENERS.has(label.split(/\s+/)[0]!.toLowerCase()));
}

/**
 * A dateline run into the first word: "Cairo, EgyptOfficials", "(CNN)Share", "LONDONThe".
 * Only the shapes datelines take are matched, so brand names such as "BlackRock" pass.
 */
const GLUED = [
  /^[\p{Lu}][\p{L}.' -]{1,40},\s*\p{Lu}\p{Ll}{2,}\p{Lu}\p{Ll}/u,
  /^(?:[\p{Lu}][\p{L}.,' -]{1,40})?\([\p{L}. ]{2,40}\)["“‘']?\p{Lu}/u,
  /^\p{Lu}{3,}(?:The|An|In|At|On|Officials|Police|Authorities|Government|President)\b/u,
  // "LondonA photo", "Hong KongNestled in", "AtlantaThe daughter": a place glued to a sentence opener.
  /^(?:\p{Lu}\p{Ll}+[ -]){0,2}\p{Lu}\p{Ll}{2,}(?:The|A|An|In|At|On|As|It|When|After|Officials|Police|Authorities)\s/u,
];

export function hasGluedDateline(sentence: string): boolean {
  const text = sentence.trim();
  return GLUED.some((pattern) => pattern.test(text));
}

const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D]/u;
/** Signs a voice reads as their names or skips unpredictably. */
const SIGNS = /[©®™•►▶★☆✓✔✗|#@^~<>{}\\_=]|https?:\/\/|www\./u;
const LATIN_LANGUAGES = new Set('en de fr es it pt nl sv da no nb nn fi pl cs sk sl hr ro hu tr ca eu gl id ms vi'.split(' '));
const CYRILLIC_LANGUAGES = new Set('ru uk bg sr mk be kk'.split(' '));
const FOREIGN_TO_LATIN = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Devanagari}\p{Script=Thai}]/u;
const FOREIGN_TO_CYRILLIC = /[\p{Script=Greek}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Devanagari}\p{Script=Thai}]/u;

/** What in the text a voice for `language` cannot say, or undefined when all is speakable. */
export function unspeakablePart(text: string, language: string): string | undefined {
  const emoji = EMOJI.exec(text);
  if (emoji) return emoji[0];
  const sign = SIGNS.exec(text);
  if (sign) return sign[0];
  const primary = language.toLowerCase().split('-')[0] ?? 'en';
  const foreign = LATIN_LANGUAGES.has(primary) ? FOREIGN_TO_LATIN : CYRILLIC_LANGUAGES.has(primary) ? FOREIGN_TO_CYRILLIC : undefined;
  return foreign?.exec(text)?.[0];
}
