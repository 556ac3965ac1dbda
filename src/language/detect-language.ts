/**
 * Which language an article is written in, by tinyld (pure JavaScript, no model download).
 * Only a confident answer on enough text counts: a short or mixed text keeps what the
 * page declared, since a wrong guess would switch the voice or drop the article.
 */
import { detectAll } from 'tinyld';
import { primaryLanguage } from './language-tag.js';

/** Letters needed before the detector is trusted (a headline alone is too little). */
const MIN_LETTERS = 80;
/** Detection reads this much of the text: the language shows long before the end. */
const SAMPLE_CHARS = 3000;
/**
 * tinyld's scores are relative, so the winner must beat the runner-up by this factor.
 * On 300 English news articles the weakest margin seen was 1.2 (still English); German,
 * Spanish, French and Russian news paragraphs win by 20 or more.
 */
const MIN_MARGIN = 3;

export interface DetectedLanguage {
  /** ISO 639-1 code, e.g. "de". */
  language: string;
  /** tinyld's accuracy for the winner, 0..1. */
  confidence: number;
}

export function detectLanguage(text: string): DetectedLanguage | undefined {
  const sample = text.slice(0, SAMPLE_CHARS);
  if ((sample.match(/\p{L}/gu) ?? []).length < MIN_LETTERS) return undefined;
  const [best, second] = detectAll(sample);
  if (!best || !/^[a-z]{2,3}$/.test(best.lang)) return undefined;
  if (second && best.accuracy < MIN_MARGIN * second.accuracy) return undefined;
  return { language: best.lang, confidence: best.accuracy };
}

/**
 * The article's language: the detected one when confident, else the declared one. A page
 * declaring "en-GB" whose text is English keeps its region.
 */
export function articleLanguage(title: string, text: string, declared: string | undefined): string | undefined {
  const detected = detectLanguage(`${title}\n${text}`);
  if (!detected) return declared;
  return primaryLanguage(declared) === detected.language ? declared : detected.language;
}
