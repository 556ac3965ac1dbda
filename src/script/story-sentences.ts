/** The sentences of a story (one or more articles), with everything ranking and selection need. */
import type { Article } from '../core/types.js';
import { coherenceRequirements, dependence } from './coherence.js';
import { clausePieces } from './long-sentences.js';
import { analyseQuotes } from './quote-spans.js';
import { quoteRequirements } from './quotes.js';
import { splitSentences } from './sentences.js';
import { toSpoken } from './spoken.js';
import { resolveLocale, textLocale } from './spoken-language.js';
import { contentTerms, countWords } from './tokens.js';

export interface StorySentence {
  /** Index of the article within the story. */
  article: number;
  /** Position of the sentence within its article (0 = lead). */
  position: number;
  /** Sentences in the same article. */
  articleSentences: number;
  raw: string;
  /** What would be read aloud (equal to raw when spoken rewriting is off). */
  spoken: string;
  words: number;
  terms: string[];
  /** Indices (into the story's sentence list) that must be read with this one: its whole chain of dependencies. */
  requires: number[];
  /** 1 for ordinary prose; lower for sentences that mostly point elsewhere (links, addresses). */
  quality: number;
  /** Inside a quotation at its start / its end (see quote-spans.ts). */
  quoteOpenAtStart: boolean;
  quoteOpenAtEnd: boolean;
  /** Opens with "But", "However," and the like: dropped when the sentence starts a passage. */
  droppableOpener: boolean;
  /** The article's language (BCP 47), whose coherence signals apply; undefined: English. */
  language?: string;
}

export interface StorySentenceOptions {
  /** Longer sentences are cut at clause boundaries into pieces of at most this many words (default 40). */
  maxSentenceWords?: number;
  /** Locale the sentences are read in (see spoken.ts); default en-GB. */
  locale?: string;
}

export const DEFAULT_MAX_SENTENCE_WORDS = 40;

/** "WASHINGTON (Reuters) -" and "(CNN) --": kept as metadata by the cleaner, never read aloud. */
const DATELINE = /^(?:[A-Z][A-Z.,' /]{1,40}?\s*)?(?:\([A-Za-z .]{2,30}\))?\s*(?:--|[-–—])\s+|^\((?:CNN|AP|AFP|Reuters)\)\s*/;
const POINTER = /https?:\/\/|www\.|[\w.+-]+@[\w-]+\.[\w.-]+/;

/** Written-page furniture that is no part of the story ("By . Daily Mail Reporter", "PUBLISHED: 12:01 EST"). */
function isFurniture(sentence: string): boolean {
  return (
    /^(by|published|updated|last updated|follow|click|read more|scroll down)\b/i.test(sentence) ||
    /\b(PUBLISHED|UPDATED):/.test(sentence) ||
    /^[^\p{L}\p{N}]*$/u.test(sentence)
  );
}

/** The article's sentences by paragraph, furniture removed, over-long sentences cut into clause pieces. */
function paragraphsOf(article: Article, maxWords: number): string[][] {
  return article.text
    .split(/\n\s*\n/)
    .map((paragraph) => splitSentences(paragraph, article.language).filter((s) => !isFurniture(s)).flatMap((s) => clausePieces(s, maxWords)))
    .filter((sentences) => sentences.length > 0);
}

/** Union of two requirement lists per sentence, closed under "needs", sorted. */
function closure(lists: ReadonlyArray<readonly number[]>): number[][] {
  return lists.map((_, i) => {
    const seen = new Set<number>();
    const stack = [...(lists[i] ?? [])];
    while (stack.length > 0) {
      const j = stack.pop() as number;
      if (j === i || seen.has(j)) continue;
      seen.add(j);
      stack.push(...(lists[j] ?? []));
    }
    return [...seen].sort((a, b) => a - b);
  });
}

export function storySentences(
  articles: readonly Article[],
  spoken: boolean,
  options: StorySentenceOptions = {},
): StorySentence[] {
  const maxWords = options.maxSentenceWords ?? DEFAULT_MAX_SENTENCE_WORDS;
  const out: StorySentence[] = [];
  articles.forEach((article, a) => {
    const paragraphs = paragraphsOf(article, maxWords);
    const raw = paragraphs.flat();
    // Each article is read by its own language's rules; the show's locale when it is in the show's language.
    const locale = textLocale(article.language, options.locale ?? resolveLocale(undefined));
    const said = raw.map((sentence, position) => {
      const readable = spoken && position === 0 ? sentence.replace(DATELINE, '') : sentence;
      return toSpoken(readable, { enabled: spoken, balance: false, locale });
    });
    // Quotation state is read from what is said, so marks the rewriting kept are the ones analysed.
    let k = 0;
    const states = analyseQuotes(paragraphs.map((p) => p.map(() => said[k++] ?? '')));
    const own = quoteRequirements(raw, analyseQuotes(paragraphs));
    const coherent = coherenceRequirements(raw, article.title, undefined, article.language);
    const requires = closure(raw.map((_, i) => [...(own[i] ?? []), ...(coherent[i] ?? [])]));
    const base = out.length;
    raw.forEach((sentence, position) => {
      const state = states[position];
      const text = spoken ? (state?.text ?? '') : (said[position] ?? '');
      out.push({
        article: a,
        position,
        articleSentences: raw.length,
        raw: sentence,
        spoken: text,
        words: countWords(text),
        terms: contentTerms(sentence),
        requires: (requires[position] ?? []).map((r) => base + r),
        quality: POINTER.test(sentence) ? 0.3 : 1,
        quoteOpenAtStart: state?.openAtStart ?? false,
        quoteOpenAtEnd: state?.openAtEnd ?? false,
        droppableOpener: dependence(sentence, undefined, '', article.language) === 'droppable-opener',
        ...(article.language ? { language: article.language } : {}),
      });
    });
  });
  // Sentences emptied by rewriting (an aside alone) stay in the list so indices hold, but carry no words.
  return out;
}
