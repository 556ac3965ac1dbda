/** Turns a story's chosen sentences into the words of its segment. */
import { attributedPassages } from './attribution.js';
import { dependence, dropLeadingConnective } from './coherence.js';
import { coherenceSignals } from './coherence-signals.js';
import { closeQuotation } from './quote-spans.js';
import { leadCarriesHeadline, nearIdentical, quotesFrom } from './repetition.js';
import type { StorySentence } from './story-sentences.js';
import type { Story } from './stories.js';

/** Consecutive sentences of one article, read as one passage. */
function runs(sentences: readonly StorySentence[], chosen: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const i of chosen) {
    const run = out[out.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev !== undefined && follows(sentences, prev, i)) run.push(i);
    else out.push([i]);
  }
  return out;
}

function follows(sentences: readonly StorySentence[], prev: number | undefined, i: number): boolean {
  return prev !== undefined && prev === i - 1 && sentences[prev]?.article === sentences[i]?.article;
}

/**
 * Chosen sentences without those a listener would hear as a repeat of the one before, or of the headline read
 * (anywhere in the story: the headline is said once).
 */
function withoutRepeats(sentences: readonly StorySentence[], chosen: readonly number[], headline: string): number[] {
  const out: number[] = [];
  let previous = headline;
  for (const i of chosen) {
    const text = sentences[i]?.spoken ?? '';
    if (text === '') continue;
    if (previous !== '' && nearIdentical(previous, text)) continue;
    if (headline !== '' && nearIdentical(headline, text)) continue;
    out.push(i);
    previous = text;
  }
  return out;
}

/**
 * What each chosen sentence says in place: a passage's opening "But"/"However," is dropped, and a passage
 * that starts or ends inside a quotation gets the mark it needs at that edge (never anywhere else).
 */
function placedTexts(sentences: readonly StorySentence[], chosen: readonly number[], spoken: boolean): Map<number, string> {
  const texts = new Map<number, string>();
  chosen.forEach((i, k) => {
    const s = sentences[i] as StorySentence;
    if (!spoken) {
      texts.set(i, s.spoken);
      return;
    }
    const startsPassage = !follows(sentences, chosen[k - 1], i);
    const endsPassage = chosen[k + 1] === undefined || !follows(sentences, i, chosen[k + 1] as number);
    let text = startsPassage && s.droppableOpener && !s.quoteOpenAtStart ? dropLeadingConnective(s.spoken, s.language) : s.spoken;
    text = closeQuotation(text, startsPassage && s.quoteOpenAtStart, endsPassage && s.quoteOpenAtEnd);
    texts.set(i, text);
  });
  return texts;
}

/** A headline that names someone or something (a capitalised word after its first) can carry a pronoun that follows it. */
const namesSomeone = (headline: string): boolean => /\s["“‘']?\p{Lu}\p{L}/u.test(headline.trim());

/**
 * A story's first spoken sentence must stand on its own: leading chosen sentences that point back to something
 * not read ("They are very convincing ...", the article's own cataphoric lead) are left out, unless the headline
 * read before them names who they point to. One sentence is always kept.
 */
function standingOpening(sentences: readonly StorySentence[], kept: readonly number[], said: string): number[] {
  let start = 0;
  // With a headline read, the headline alone may tell the story; without one, one sentence is always kept.
  while (start < kept.length - (said === '' ? 1 : 0)) {
    const sentence = sentences[kept[start] as number];
    const text = sentence?.spoken ?? '';
    const pointsBack = dependence(text, '', said, sentence?.language) === 'needs-previous' && !(said !== '' && namesSomeone(said));
    // A concession ("Although X, Y") answers a claim made before it: it does not open a story.
    if (!pointsBack && !coherenceSignals(sentence?.language).concession.test(text)) break;
    start++;
  }
  return kept.slice(start);
}

/** A headline of several sentences, its later ones without a leading "But"/"And" (they follow the first, not a story). */
function headlineText(headline: string, language: string | undefined): string {
  const parts = headline.split(/(?<=[.!?]["”’»]?)\s+(?=["“‘«„]?\p{Lu})/u);
  return parts.map((part, i) => (i === 0 ? part : dropLeadingConnective(part, language))).join(' ');
}

export function composeStoryText(
  story: Story,
  headline: string,
  sentences: readonly StorySentence[],
  chosen: readonly number[],
  spoken = true,
): string {
  const chosenTexts = chosen.map((i) => sentences[i]?.spoken ?? '').filter((t) => t !== '');
  const first = chosenTexts[0] ?? '';
  // The headline is said once: not at all when the lead sentence already says it, or when it quotes words a chosen
  // sentence reads with their speaker.
  const carried = headline !== '' && (leadCarriesHeadline(headline, first) || chosenTexts.some((t) => quotesFrom(headline, t)));
  const language = story.articles[0]?.language;
  let said = spoken && carried ? '' : spoken ? headlineText(headline, language) : headline;
  // A headline that itself points back ("These strikes are ...", a quotation) or opens with a concession is read
  // after the lead, not before it; and not at all when a chosen sentence says the same, since it would follow it.
  const pointsBack = (text: string) => dependence(text, '', '', language) !== 'none' || coherenceSignals(language).concession.test(text);
  if (spoken && said !== '' && pointsBack(said) && chosenTexts.some((t) => nearIdentical(said, t))) said = '';
  const headlineSecond = spoken && said !== '' && pointsBack(said);
  let kept = spoken ? standingOpening(sentences, chosen, headlineSecond ? '' : said) : [...chosen];
  if (spoken) {
    kept = headlineSecond
      ? (([lead, ...rest]) => (lead === undefined ? [] : [lead, ...withoutRepeats(sentences, rest, said)]))(withoutRepeats(sentences, kept, ''))
      : // A repeat dropped may have been what the next sentence pointed back to: the opening is checked again after.
        withoutRepeats(sentences, standingOpening(sentences, withoutRepeats(sentences, kept, said), said), said);
  }
  const texts = placedTexts(sentences, kept, spoken);
  const contributors = new Set(kept.map((i) => sentences[i]?.article));
  const body =
    contributors.size > 1
      ? attributedPassages(story.articles, sentences, kept, texts)
      : runs(sentences, kept).map((run) => run.map((i) => texts.get(i) ?? '').filter(Boolean).join(' '));
  if (headlineSecond && body.length > 0) {
    return [body[0], said, ...body.slice(1)].filter(Boolean).join(' ');
  }
  return [said, ...body].filter(Boolean).join(' ');
}
