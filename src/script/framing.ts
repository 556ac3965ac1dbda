/**
 * The words around the stories: intro, transitions and outro, in the show's language.
 * Deterministic, and free of anything a story's audio would depend on.
 */
import { framingLanguage, framingPhrases, primaryLanguage } from './framing-phrases.js';
import { spokenLongDate } from './spoken-numbers.js';

/** A headline as a spoken sentence: rewritten text with closing punctuation. */
export function headlineSentence(spokenHeadline: string): string {
  const text = spokenHeadline.trim();
  if (text === '') return '';
  return /[.!?]["'»]?$/.test(text) ? text : `${text.replace(/[,;:–-]+$/, '').trim()}.`;
}

function listHeadlines(headlines: readonly string[], and: string): string {
  const items = headlines.map((h) => h.trim().replace(/[.!?;:,]+$/, '')).filter(Boolean);
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join('; ')}; ${and} ${items[items.length - 1]}`;
}

/** The date as said in the language: the English form is the normaliser's; others come from ICU's calendar names. */
export function spokenDate(date: Date, language?: string): string {
  const primary = framingLanguage(language);
  if (primary === 'en') return spokenLongDate(date);
  const text = new Intl.DateTimeFormat(primary, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  // Russian appends "г." (year): written shorthand a voice would read as a letter.
  return text.replace(/\s*г\.$/u, '');
}

export function introText(showTitle: string, date: Date, spokenHeadlines: readonly string[], language?: string): string {
  const phrases = framingPhrases(language);
  const opening = phrases.intro(showTitle.trim(), spokenDate(date, language));
  const list = listHeadlines(spokenHeadlines.slice(0, 3), phrases.and);
  return list ? `${opening} ${phrases.today}: ${list}.` : opening;
}

/** The transition read before the story at `index` (1-based position among stories after the first). */
export function transitionText(index: number, storyCount: number, language?: string): string {
  const phrases = framingPhrases(language);
  if (index === storyCount - 1) return phrases.finally;
  return phrases.transitions[(index - 1) % phrases.transitions.length] ?? phrases.transitions[0] ?? '';
}

export function outroText(showTitle: string, language?: string): string {
  return framingPhrases(language).outro(showTitle.trim());
}

/** "The next report is in German.": names, in the show's language, the language a story is read in. */
export function languageNoteText(showLanguage: string, storyLanguage: string): string {
  const show = framingLanguage(showLanguage);
  const name = new Intl.DisplayNames([show], { type: 'language' }).of(primaryLanguage(storyLanguage)) ?? storyLanguage;
  return framingPhrases(show).inLanguage(name);
}
