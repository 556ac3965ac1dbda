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
import { resolveLocale } from './spoken-language.js';
import { isoDay } from './spoken-numbers.js';
import { buildStories, type Story, type StoryOptions } from './stories.js';
import { planStory, spokenHeadline, type ExtractOptions } from './story-extract.js';
import { composeStoryText } from './story-text.js';
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

export function writeExtractiveScript(input: WriteScriptInput, options: ExtractiveWriterOptions = {}): ScriptDocument {
  const spoken = options.spoken !== false;
  const stories = buildStories(input.articles, options);
  if (stories.length === 0) {
    throw new BriefcastError(ErrorCodes.INPUT_EMPTY, 'no articles to write a briefing from', { subject: input.showTitle });
  }
  const locale = resolveLocale(input.language, input.locale);
  const headlines = stories.map((s) => headlineSentence(spokenHeadline(s.title, spoken, locale)));
  const intro = introText(input.showTitle, input.date, headlines);
  const outro = outroText(input.showTitle);
  const transitions = stories.map((_, i) => (i === 0 ? '' : transitionText(i, stories.length)));
  const framingWords = countWords(intro) + countWords(outro) + transitions.reduce((n, t) => n + countWords(t), 0);

  const total = (input.targetSeconds * input.wordsPerMinute) / 60;
  const plans = stories.map((s) => planStory(s.articles, s.title, { ...options, locale }));
  const shares = shareBudget(
    total - framingWords,
    plans.map((p, i) => ({ weight: stories[i]?.weight ?? 1, capacity: p.capacity + countWords(headlines[i] ?? '') })),
  );

  // What one story leaves unused (or overshoots) is carried to the next, so the total stays on target.
  let carry = 0;
  const storyTexts = stories.map((story, i) => {
    const plan = plans[i]!;
    const allowance = (shares[i] ?? 0) + carry;
    const headline = headlines[i] ?? '';
    const chosen = plan.choose(allowance - countWords(headline));
    const text = composeStoryText(story, headline, plan.sentences, chosen, spoken);
    carry = allowance - countWords(text);
    return text;
  });

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
