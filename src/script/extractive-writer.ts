/**
 * The offline briefing writer: no network, no key, same input -> same script.
 * Each story gets a fair share of the word budget left after the intro,
 * transitions and outro; its best sentences are read in their original order.
 */
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { ScriptDocument, ScriptSegment, SourceRef } from '../core/types.js';
import { shareBudget } from './budget.js';
import { headlineSentence, introText, outroText, transitionText } from './framing.js';
import { framingSegmentId, uniqueIds } from './segment-ids.js';
import { resolveLocale, textLocale } from './spoken-language.js';
import { isoDay } from './spoken-numbers.js';
import { buildStories, type Story, type StoryOptions } from './stories.js';
import { planStory, spokenHeadline, type ExtractOptions, type StoryPlan } from './story-extract.js';
import { introLabel } from './intro-labels.js';
import { composeStoryText } from './story-text.js';
import { rateForText } from './speech-rate.js';
import { countWords } from './tokens.js';
import type { ScriptWriter, WriteScriptInput } from './writer.js';

export interface ExtractiveWriterOptions extends ExtractOptions, StoryOptions {
  /** Recorded in the document's `writer` field (default "extractive"). */
  label?: string;
}

function sourcesOf(story: Story): SourceRef[] {
  return story.articles.map((a) => ({
    title: a.title,
    ...(a.url ? { url: a.url } : {}),
    ...(a.siteName ? { siteName: a.siteName } : {}),
  }));
}

/** The locale sentences and headlines are read in: the show's, else its language's default. */
const localeOf = (input: WriteScriptInput): string => resolveLocale(input.language, input.locale);
/** A story's headline is read by its articles' language rules (a story in another language keeps its own). */
const storyLocale = (story: Story | undefined, input: WriteScriptInput): string => textLocale(story?.articles[0]?.language, localeOf(input));

interface Framing {
  intro: string;
  outro: string;
  transitions: string[];
  words: number;
  /** Words the target leaves for the stories' text, after silences. */
  total: number;
}

function framingFor(stories: readonly Story[], input: WriteScriptInput, spoken: boolean): Framing {
  // The intro names stories by short labels; each headline itself is said once, in its story.
  const labels = stories.map((s) => introLabel(s.articles[0], input, spoken));
  const intro = introText(input.showTitle, input.date, labels, input.language);
  const outro = outroText(input.showTitle, input.language);
  const transitions = stories.map((_, i) => (i === 0 ? '' : transitionText(i, stories.length, input.language)));
  const words = countWords(intro) + countWords(outro) + transitions.reduce((n, t) => n + countWords(t), 0);
  // Silences between segments take time too: intro, then per story a pause after it and one before it.
  const pauses = input.pauses ? (stories.length * (input.pauses.segmentMs + input.pauses.storyMs)) / 1000 : 0;
  const silence = pauses + (2 * stories.length + 1) * (input.segmentSeconds ?? 0);
  const total = (Math.max(0, input.targetSeconds - silence) * input.wordsPerMinute) / 60;
  return { intro, outro, transitions, words, total };
}

/**
 * Every story read costs at least its headline, a sentence, a transition and two pauses. When the target
 * cannot hold that for all of them, the least important stories are left out, so the length holds.
 */
function storiesThatFit(all: readonly Story[], plans: readonly StoryPlan[], input: WriteScriptInput, spoken: boolean): number[] {
  const minimum = plans.map((plan, i) => {
    const least = plan.choose(0).reduce((n, j) => n + (plan.sentences[j]?.words ?? 0), 0);
    return least + countWords(headlineSentence(spokenHeadline(all[i]?.title ?? '', spoken, storyLocale(all[i], input))));
  });
  let kept = all.map((_, i) => i);
  while (kept.length > 1) {
    const framing = framingFor(kept.map((i) => all[i] as Story), input, spoken);
    const needed = framing.words + kept.reduce((n, i) => n + (minimum[i] ?? 0), 0);
    if (needed <= framing.total) break;
    kept = withoutWeakest(all, kept);
  }
  return kept;
}

function withoutWeakest(all: readonly Story[], kept: readonly number[]): number[] {
  let weakest = kept.length - 1;
  kept.forEach((i, k) => {
    if ((all[i]?.weight ?? 0) < (all[kept[weakest] as number]?.weight ?? 0)) weakest = k;
  });
  return kept.filter((_, k) => k !== weakest);
}

interface Told {
  stories: Story[];
  framing: Framing;
  texts: string[];
  words: number;
}

function tellStories(stories: Story[], plans: readonly StoryPlan[], input: WriteScriptInput, spoken: boolean): Told {
  const headlines = stories.map((s) => headlineSentence(spokenHeadline(s.title, spoken, storyLocale(s, input))));
  const framing = framingFor(stories, input, spoken);
  const shares = shareBudget(
    framing.total - framing.words,
    plans.map((p, i) => ({ weight: stories[i]?.weight ?? 1, capacity: p.capacity + countWords(headlines[i] ?? '') })),
  );
  // What one story leaves unused (or overshoots) is spread over the stories still to come, in proportion to
  // their shares, so the total stays on target without one story paying for another's long sentence.
  let carry = 0;
  const texts = stories.map((story, i) => {
    const plan = plans[i]!;
    const ahead = shares.slice(i).reduce((sum, x) => sum + x, 0);
    const allowance = (shares[i] ?? 0) + (ahead > 0 ? (carry * (shares[i] ?? 0)) / ahead : carry);
    const headline = headlines[i] ?? '';
    const chosen = plan.choose(allowance - countWords(headline));
    const text = composeStoryText(story, headline, plan.sentences, chosen, spoken);
    carry += (shares[i] ?? 0) - countWords(text);
    return text;
  });
  return { stories, framing, texts, words: framing.words + texts.reduce((n, t) => n + countWords(t), 0) };
}

/**
 * Writes the script; with a measured engine rate (`rateLettersPerWord`), writes once more at the rate carried
 * over to the words the first draft chose, so prose of long words is not over-long when spoken.
 */
export function writeExtractiveScript(input: WriteScriptInput, options: ExtractiveWriterOptions = {}): ScriptDocument {
  const draft = writeAtRate(input, options);
  if (input.rateLettersPerWord === undefined) return draft;
  const rate = rateForText(input.wordsPerMinute, draft.segments.map((s) => s.text).join(' '), input.rateLettersPerWord);
  return rate === input.wordsPerMinute ? draft : writeAtRate({ ...input, wordsPerMinute: rate }, options);
}

function writeAtRate(input: WriteScriptInput, options: ExtractiveWriterOptions): ScriptDocument {
  const spoken = options.spoken !== false;
  const candidates = buildStories(input.articles, options);
  if (candidates.length === 0) {
    throw new BriefcastError(ErrorCodes.INPUT_EMPTY, 'no articles to write a briefing from', { subject: input.showTitle });
  }
  const allPlans = candidates.map((s) => planStory(s.articles, s.title, { ...options, locale: localeOf(input) }));
  let kept = storiesThatFit(candidates, allPlans, input, spoken);
  let told = tellStories(kept.map((i) => candidates[i] as Story), kept.map((i) => allPlans[i] as StoryPlan), input, spoken);
  // Sentences come whole, so a short target can still overshoot: then the least important story goes too.
  while (kept.length > 1 && told.words > told.framing.total * 1.08) {
    kept = withoutWeakest(candidates, kept);
    told = tellStories(kept.map((i) => candidates[i] as Story), kept.map((i) => allPlans[i] as StoryPlan), input, spoken);
  }
  const { stories, texts: storyTexts } = told;
  const { intro, outro, transitions } = told.framing;

  const drafts: Array<Omit<ScriptSegment, 'id'> & { baseId: string }> = [
    { baseId: framingSegmentId('intro', intro), kind: 'intro', text: intro },
  ];
  stories.forEach((story, i) => {
    const transition = transitions[i] ?? '';
    if (transition) drafts.push({ baseId: framingSegmentId('transition', transition), kind: 'transition', text: transition });
    drafts.push({
      baseId: story.id,
      kind: 'story',
      text: storyTexts[i] ?? '',
      ...(story.title ? { title: story.title } : {}),
      articleIds: story.articles.map((a) => a.id),
      sources: sourcesOf(story),
    });
  });
  drafts.push({ baseId: framingSegmentId('outro', outro), kind: 'outro', text: outro });

  const ids = uniqueIds(drafts.map((d) => d.baseId));
  const segments = drafts.map(({ baseId: _baseId, ...rest }, i) => ({ id: ids[i] ?? _baseId, ...rest }));
  return {
    version: 1,
    showTitle: input.showTitle,
    date: isoDay(input.date),
    language: input.language,
    writer: options.label ?? 'extractive',
    segments,
  };
}

export function createExtractiveWriter(options: ExtractiveWriterOptions = {}): ScriptWriter {
  return {
    name: 'extractive',
    write: async (input) => writeExtractiveScript(input, options),
  };
}
