/**
 * Articles in another language than the show's. By the show's `otherLanguages.handling`
 * they are read with a voice for their language (named before the story in the show's
 * language) or left out with a warning. Either way the episode goes on with the rest;
 * it fails only when nothing is left.
 */
import type { EpisodeWarning } from '../core/episode.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { Article, ScriptDocument, ScriptSegment } from '../core/types.js';
import { languageNoteText } from '../script/framing.js';
import { framingSegmentId, uniqueIds } from '../script/segment-ids.js';
import { primaryLanguage } from './language-tag.js';

export type OtherLanguageHandling = 'read' | 'skip';

export interface LanguageSorting {
  kept: Article[];
  warnings: EpisodeWarning[];
}

function languageName(code: string, showLanguage: string): string {
  try {
    return new Intl.DisplayNames([showLanguage, 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** True when the article is written in the show's language (or its language is unknown). */
export function inShowLanguage(article: Article, showLanguage: string): boolean {
  const own = primaryLanguage(article.language);
  return own === undefined || own === primaryLanguage(showLanguage);
}

/**
 * Keeps the articles the show can read. `hasVoice(language)` says whether a voice for that
 * language is configured or offered by the show's engine.
 */
export async function sortArticlesByLanguage(
  articles: readonly Article[],
  showLanguage: string,
  handling: OtherLanguageHandling,
  hasVoice: (language: string) => Promise<boolean>,
): Promise<LanguageSorting> {
  const kept: Article[] = [];
  const warnings: EpisodeWarning[] = [];
  const voiceFound = new Map<string, boolean>();
  for (const article of articles) {
    if (inShowLanguage(article, showLanguage)) {
      kept.push(article);
      continue;
    }
    const language = primaryLanguage(article.language) as string;
    const name = languageName(language, 'en');
    if (handling === 'skip') {
      warnings.push({ code: 'article-other-language', articleId: article.id, message: `left out "${article.title}": written in ${name}, the show is in ${languageName(primaryLanguage(showLanguage) ?? 'en', 'en')} (otherLanguages.handling is "skip")` });
      continue;
    }
    if (!voiceFound.has(language)) voiceFound.set(language, await hasVoice(language));
    if (voiceFound.get(language)) {
      kept.push(article);
      continue;
    }
    warnings.push({ code: 'article-language-no-voice', articleId: article.id, message: `left out "${article.title}": written in ${name} and no voice for ${name} is configured in otherLanguages.voices or offered by the show's engine` });
  }
  if (kept.length === 0) {
    const reasons = warnings.map((w) => w.message).join('; ');
    throw new BriefcastError(ErrorCodes.INPUT_EMPTY, `no article left in a language the show can read: ${reasons}`, { subject: 'articles' });
  }
  return { kept, warnings };
}

/**
 * Marks each story told from other-language articles with its language and has the show's
 * framing name that language just before it (in the preceding transition, or a new one).
 */
export function markStoryLanguages(script: ScriptDocument, articles: readonly Article[], showLanguage: string): ScriptDocument {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const out: Array<Omit<ScriptSegment, 'id'> & { baseId: string }> = [];
  for (const segment of script.segments) {
    const first = segment.kind === 'story' ? byId.get(segment.articleIds?.[0] ?? '') : undefined;
    if (!first || inShowLanguage(first, showLanguage)) {
      out.push({ ...segment, baseId: segment.id });
      continue;
    }
    const language = primaryLanguage(first.language) as string;
    const note = languageNoteText(showLanguage, language);
    const previous = out[out.length - 1];
    if (previous?.kind === 'transition') {
      previous.text = `${previous.text} ${note}`;
      previous.baseId = framingSegmentId('transition', previous.text);
    } else {
      out.push({ baseId: framingSegmentId('transition', note), kind: 'transition', text: note });
    }
    out.push({ ...segment, baseId: segment.id, language });
  }
  const ids = uniqueIds(out.map((segment) => segment.baseId));
  return { ...script, segments: out.map(({ baseId, ...segment }, i) => ({ ...segment, id: ids[i] ?? baseId })) };
}
