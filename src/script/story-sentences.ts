/** The sentences of a story (one or more articles), with everything ranking and selection need. */
import type { Article } from '../core/types.js';
import { quoteRequirements } from './quotes.js';
import { splitSentences } from './sentences.js';
import { toSpoken } from './spoken.js';
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
  /** Indices (into the story's sentence list) that must be read with this one. */
  requires: number[];
  /** 1 for ordinary prose; lower for sentences that mostly point elsewhere (links, addresses). */
  quality: number;
}

/** "WASHINGTON (Reuters) -" and "(CNN) --": kept as metadata by the cleaner, never read aloud. */
const DATELINE = /^(?:[A-Z][A-Z.,' /]{1,40}?\s*)?(?:\([A-Za-z .]{2,30}\))?\s*(?:--|[-–—])\s+|^\((?:CNN|AP|AFP|Reuters)\)\s*/;
const POINTER = /https?:\/\/|www\.|[\w.+-]+@[\w-]+\.[\w.-]+/;

/** Written-page furniture that is no part of the story ("By . Daily Mail Reporter", "PUBLISHED: 12:01 EST"). */
function isFurniture(sentence: string): boolean {
  return (
    /^(by|published|updated|last updated|follow|click|read more|scroll down)\b/i.test(sentence) ||
    /\b(PUBLISHED|UPDATED):/.test(sentence) ||
    /^\W*$/.test(sentence)
  );
}

export function storySentences(articles: readonly Article[], spoken: boolean, locale?: string): StorySentence[] {
  const out: StorySentence[] = [];
  articles.forEach((article, a) => {
    const raw = splitSentences(article.text).filter((s) => !isFurniture(s));
    const requires = quoteRequirements(raw);
    const base = out.length;
    raw.forEach((sentence, position) => {
      const readable = spoken && position === 0 ? sentence.replace(DATELINE, '') : sentence;
      const said = toSpoken(readable, { enabled: spoken, balance: false, ...(locale ? { locale } : {}) });
      out.push({
        article: a,
        position,
        articleSentences: raw.length,
        raw: sentence,
        spoken: said,
        words: countWords(said),
        terms: contentTerms(sentence),
        requires: (requires[position] ?? []).map((r) => base + r),
        quality: POINTER.test(sentence) ? 0.3 : 1,
      });
    });
  });
  // Sentences emptied by rewriting (an aside alone) stay in the list so indices hold, but carry no words.
  return out;
}
