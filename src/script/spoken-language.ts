/**
 * Which rules read a show's text aloud: one set per language, chosen by the
 * show's locale. Dates follow the locale's order (en-US month-day, every
 * other English day-month).
 */
import { englishRules } from './spoken-en.js';
import { germanRules } from './spoken-de.js';
import { frenchRules } from './spoken-fr.js';
import { spanishRules } from './spoken-es.js';
import { russianRules } from './spoken-ru.js';

export interface SpokenContext {
  /** BCP 47 locale, e.g. "en-GB". */
  locale: string;
  dateOrder: 'dmy' | 'mdy';
  /** American spelling and number style ("meters", "one hundred five"). */
  us: boolean;
}

export interface SpokenRules {
  /** Letters of other scripts than these are dropped: the voice would spell them or say nothing useful. */
  scripts: readonly string[];
  /** The word for "&". */
  and: string;
  /** The word for "#" before a number. */
  number: string;
  /** Applied in order after links, symbols and foreign scripts are gone. */
  steps: ReadonlyArray<(text: string, ctx: SpokenContext) => string>;
}

const RULES: Record<string, SpokenRules> = { en: englishRules, de: germanRules, fr: frenchRules, es: spanishRules, ru: russianRules };

/** The show's locale: the `locale` field when set, else the language tag, with English defaulting to en-GB (day-month). */
export function resolveLocale(language: string | undefined, locale?: string): string {
  if (locale) return locale;
  const tag = language ?? 'en';
  if (tag.includes('-')) return tag;
  return tag === 'en' ? 'en-GB' : tag;
}

export function spokenContext(locale: string): SpokenContext {
  const us = /^en-US$/i.test(locale);
  return { locale, us, dateOrder: us ? 'mdy' : 'dmy' };
}

/** Rules for the locale's language; languages without their own table fall back to the script-only rules. */
export function spokenRules(locale: string): SpokenRules {
  const language = locale.split('-')[0]?.toLowerCase() ?? 'en';
  return RULES[language] ?? { scripts: [], and: '&', number: '#', steps: [] };
}
