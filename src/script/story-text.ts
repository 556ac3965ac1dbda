/** Turns a story's chosen sentences into the words of its segment. */
import { attributedPassages } from './attribution.js';
import { balanceQuotes } from './spoken.js';
import type { StorySentence } from './story-sentences.js';
import type { Story } from './stories.js';

/** Consecutive sentences of one article, read as one passage. */
function runs(sentences: readonly StorySentence[], chosen: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const i of chosen) {
    const run = out[out.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev !== undefined && prev === i - 1 && sentences[prev]?.article === sentences[i]?.article) run.push(i);
    else out.push([i]);
  }
  return out;
}

/** Quotation marks are paired per passage, so a quotation spanning chosen sentences stays one quotation. */
function passage(sentences: readonly StorySentence[], run: readonly number[], spoken: boolean): string {
  const text = run.map((i) => sentences[i]?.spoken ?? '').filter(Boolean).join(' ');
  return spoken ? balanceQuotes(text) : text;
}

export function composeStoryText(
  story: Story,
  headline: string,
  sentences: readonly StorySentence[],
  chosen: readonly number[],
  spoken = true,
): string {
  const contributors = new Set(chosen.map((i) => sentences[i]?.article));
  const body =
    contributors.size > 1
      ? attributedPassages(story.articles, sentences, chosen).map((p) => (spoken ? balanceQuotes(p) : p))
      : runs(sentences, chosen).map((run) => passage(sentences, run, spoken));
  return [headline, ...body].filter(Boolean).join(' ');
}
