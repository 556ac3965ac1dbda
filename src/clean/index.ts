/** Stage 2: remove what a listener must never hear; keep bylines and datelines as metadata. */
import type { Article } from '../core/types.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { layoutText } from '../ingest/text-layout.js';
import {
  extractByline,
  extractDateline,
  paragraphRules,
  splitTrailingCredit,
  stripImageSyntax,
  stripCaptionSentences,
  stripKickerPrefix,
  stripParentheticalCredits,
  stripPromoSentences,
} from './rules/index.js';
import { articleLanguage } from '../language/detect-language.js';
import { collapse, splitSentences } from './sentences.js';

export * from './rules/index.js';

/** Bylines sit above the body, so only the first paragraphs are searched for one. */
const BYLINE_WINDOW = 4;
/** A paragraph that is only a caption plus its credit: at most this many sentences. */
const CAPTION_SENTENCES = 1;
const CAPTION_CHARS = 200;

export interface CleanReport {
  article: Article;
  /** Removed paragraphs with the rule that removed them, for debugging and the CLI's --verbose. */
  removed: { rule: string; text: string }[];
}

function removeInlineNoise(paragraph: string): string | undefined {
  let text = stripKickerPrefix(stripImageSyntax(stripParentheticalCredits(paragraph)));
  const beforeCredit = splitTrailingCredit(text);
  if (beforeCredit !== undefined) {
    // A lone sentence that carried a credit was a picture caption, not story text.
    if (splitSentences(beforeCredit).length <= CAPTION_SENTENCES && beforeCredit.length <= CAPTION_CHARS) return undefined;
    text = beforeCredit;
  }
  return collapse(stripCaptionSentences(stripPromoSentences(text))) || undefined;
}

/** "Watch: ..." or "LIVE:" prefixes in headlines are page labels, not part of the story title. */
function cleanTitle(title: string): string {
  return collapse(title.replace(/^(?:watch|video|live|listen|in\s+pictures|breaking)\s*[:|\-–—]\s*/i, ''));
}

/** Like cleanArticle, also listing what was removed and why. */
export function cleanArticleWithReport(article: Article): CleanReport {
  const removed: CleanReport['removed'] = [];
  let byline = article.byline;
  let dateline = article.dateline;
  let datelineFound = false;
  const paragraphs: string[] = [];
  const source = layoutText(article.text).split('\n\n').map(collapse).filter(Boolean);
  source.forEach((paragraph, index) => {
    const author = index < BYLINE_WINDOW ? extractByline(paragraph) : undefined;
    if (author) {
      byline ??= author;
      removed.push({ rule: 'byline', text: paragraph });
      return;
    }
    const rule = paragraphRules.find((candidate) => candidate.matches(paragraph));
    if (rule) {
      removed.push({ rule: rule.name, text: paragraph });
      return;
    }
    // The dateline leads the first story paragraph; split it before "(Reuters)" looks like a credit.
    const split = paragraphs.length === 0 && !datelineFound ? extractDateline(paragraph) : undefined;
    if (split) {
      datelineFound = true;
      dateline ??= split.dateline;
    }
    const kept = removeInlineNoise(split ? split.rest : paragraph);
    if (!kept) {
      removed.push({ rule: 'caption-with-credit', text: paragraph });
      return;
    }
    // The same caption often appears twice (figure and gallery); say a paragraph once.
    if (paragraphs[paragraphs.length - 1] !== kept) paragraphs.push(kept);
  });
  const text = paragraphs.join('\n\n');
  if (!text.trim()) {
    throw new BriefcastError(ErrorCodes.INPUT_EMPTY, 'nothing speakable left after cleaning', { subject: article.source });
  }
  const cleaned: Article = { ...article, title: cleanTitle(article.title) || article.title, text };
  if (byline) cleaned.byline = byline;
  if (dateline) cleaned.dateline = dateline;
  // What the text is written in decides framing, sentence rules and voice; a page's lang attribute is often a site-wide default.
  const language = articleLanguage(cleaned.title, text, article.language);
  if (language) cleaned.language = language;
  return { article: cleaned, removed };
}

/**
 * Removes credits, captions, teasers, plugs, related links and alt text; moves bylines and
 * datelines into metadata. The id is kept so the cleaned article still matches its raw form.
 * Throws INPUT_EMPTY (subject = article.source) when nothing speakable remains.
 */
export function cleanArticle(article: Article): Article {
  return cleanArticleWithReport(article).article;
}
