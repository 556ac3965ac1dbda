/**
 * Which rules read a show's text aloud: one set per language, chosen by the
 * show's locale. Dates follow the locale's order (en-US month-day, every
 * other English day-month).
 */
import type { SpokenContext, SpokenRules } from './spoken-rules.js';
import { englishRules } from './spoken-en.js';
import { germanRules } from './spoken-de.js';
import { frenchRules } from './spoken-fr.js';
import { spanishRules } from './spoken-es.js';
import { russianRules } from './spoken-ru.js';


const RULES: Record<string, SpokenRules> = { en: englishRules, de: germanRules, fr: frenchRules, es: spanishRules, ru: russianRules };

/** The show's locale: the `locale` field when set, else the language tag, with English defaulting to en-GB (day-month). */
export function resolveLocale(language: string | undefined, locale?: string): string {
  if (locale) return locale;
  const tag = language ?? 'en';
  if (tag.includes('-')) return tag;
  return tag === 'en' ? 'en-GB' : tag;
}

/**
 * The locale a text in `language` is read in on a show read in `showLocale`: the show's own when the text is in
 * the show's language (or its language is unknown), else that language's default (a German story on an English
 * show keeps "Dr." as "Doktor", not "Doctor").
 */
export function textLocale(language: string | undefined, showLocale: string): string {
  const primary = (tag: string) => tag.split('-')[0]?.toLowerCase();
  if (!language || primary(language) === primary(showLocale)) return showLocale;
  return resolveLocale(language);
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

export type { SpokenContext, SpokenRules } from './spoken-rules.js';
