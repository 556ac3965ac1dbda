/**
 * Telling one story from several outlets: sentences from a second source are
 * credited to it, and where two sources give different figures for the same
 * point both are read, each with its source ("The BBC reported ..., while
 * Reuters said ...").
 */
import type { Article } from '../core/types.js';
import { conflictingFigures } from './entities.js';
import type { StorySentence } from './story-sentences.js';
import { cosine, termCounts } from './tokens.js';

/** Similarity at which two sentences from different sources make the same statement (so differing figures disagree). */
const SAME_STATEMENT = 0.6;
const FUNCTION_WORDS = new Set(
  'the a an this that these those its their his her some many most all several one two three four five six seven eight nine ten eleven twelve'.split(' '),
);

export function sourceName(article: Article): string {
  if (article.siteName) return article.siteName;
  if (article.url) {
    try {
      return new URL(article.url).hostname.replace(/^www\./, '');
    } catch {
      // Not a URL after all: fall through to the generic name.
    }
  }
  return 'another report';
}

/** "The figures fell." -> "the figures fell." when "the" is an ordinary word here; names keep their capital. */
function lowerFirst(sentence: string, vocabulary: Set<string>): string {
  const first = /^[A-Za-z]+/.exec(sentence)?.[0] ?? '';
  // An acronym ("BBC") keeps its capitals; the article "A" is an ordinary word.
  if (first === '' || (first.length > 1 && first === first.toUpperCase())) return sentence;
  const lower = first.toLowerCase();
  return FUNCTION_WORDS.has(lower) || vocabulary.has(lower) ? lower + sentence.slice(first.length) : sentence;
}

export function reportedBy(site: string, verb: string, sentence: string, vocabulary: Set<string>): string {
  if (/^["“']/.test(sentence)) return `${site} ${verb}: ${sentence}`;
  return `${site} ${verb} that ${lowerFirst(sentence, vocabulary)}`;
}

/**
 * The spoken text of a multi-source story's chosen sentences, lead source first.
 * Returns one string per passage, in reading order.
 */
/** "BBC News and Reuters" / "BBC News, Reuters and AP". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Folds the outlets into the story's first sentence: "Officials said ..., BBC News and Reuters report." */
export function creditOutlets(sentence: string, names: readonly string[]): string {
  if (names.length < 2) return sentence;
  const list = listNames(names);
  if (/[^."'\s]\.$/.test(sentence)) return `${sentence.slice(0, -1)}, ${list} report.`;
  return `${list} report: ${sentence}`;
}

export function attributedPassages(
  articles: readonly Article[],
  sentences: readonly StorySentence[],
  chosen: readonly number[],
  texts: ReadonlyMap<number, string> = new Map(),
): string[] {
  const said = (i: number): string => texts.get(i) ?? sentences[i]?.spoken ?? '';
  const contributing = [...new Set(chosen.map((i) => sentences[i]?.article ?? 0))].sort((a, b) => a - b);
  const names = [...new Set(contributing.map((a) => sourceName(articles[a] as Article)))];
  const vocabulary = new Set(articles.flatMap((a) => a.text.match(/\b[a-z]+\b/g) ?? []));
  const vectors = new Map(chosen.map((i) => [i, termCounts(sentences[i]?.terms ?? [])]));
  const partnerOf = new Map<number, number>();
  for (const j of chosen) {
    const b = sentences[j] as StorySentence;
    let best = -1;
    let bestSim = SAME_STATEMENT;
    for (const i of chosen) {
      const a = sentences[i] as StorySentence;
      if (a.article >= b.article || partnerOf.has(i)) continue;
      const sim = cosine(vectors.get(i)!, vectors.get(j)!);
      if (sim >= bestSim && conflictingFigures(a.raw, b.raw)) [best, bestSim] = [i, sim];
    }
    if (best >= 0) {
      partnerOf.set(best, j);
      partnerOf.set(j, best);
    }
  }

  const credited = new Set<number>([0]);
  const out: string[] = [];
  for (const i of chosen) {
    const s = sentences[i] as StorySentence;
    if (!said(i)) continue;
    const partner = partnerOf.get(i);
    if (partner !== undefined && partner < i) continue; // told together with its earlier partner
    if (partner !== undefined) {
      const p = sentences[partner] as StorySentence;
      const first = reportedBy(sourceName(articles[s.article] as Article), 'reported', said(i), vocabulary);
      const second = reportedBy(sourceName(articles[p.article] as Article), 'said', said(partner), vocabulary);
      credited.add(p.article);
      out.push(/[^.]\.$/.test(first) ? `${first.slice(0, -1)}, while ${second}` : `${first} ${second}`);
    } else if (!credited.has(s.article)) {
      credited.add(s.article);
      out.push(reportedBy(sourceName(articles[s.article] as Article), 'also reported', said(i), vocabulary));
    } else out.push(out.length === 0 ? creditOutlets(said(i), names) : said(i));
  }
  return out;
}
