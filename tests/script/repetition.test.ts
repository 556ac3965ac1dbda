import { describe, expect, it } from 'vitest';
import { createExtractiveWriter } from '../../src/script/extractive-writer.js';
import { leadCarriesHeadline, nearIdentical, storyLabel } from '../../src/script/repetition.js';
import { splitSentences } from '../../src/script/sentences.js';
import { briefingInput, loadArticles } from './fixtures.js';

const writer = createExtractiveWriter({ order: 'given' });

describe('saying each thing once', () => {
  it('labels stories briefly, without figures or a dangling function word', () => {
    expect(storyLabel('Water bills in Eastmoor to rise by 6 percent from April')).toBe('Water bills in Eastmoor to rise');
    expect(storyLabel('Night trains return to the coast line')).toBe('Night trains return to the coast');
    expect(storyLabel('Minister resigns: "I have no regrets"')).toBe('Minister resigns');
    expect(storyLabel('Vote')).toBe('Vote');
  });

  it('tells near-identical sentences from merely related ones', () => {
    expect(nearIdentical('Water bills will rise by 6 percent.', 'Water bills will rise by 6 percent from April, the supplier said.')).toBe(true);
    expect(nearIdentical('Water bills will rise by 6 percent.', 'A typical household will pay 28 pounds more.')).toBe(false);
    expect(leadCarriesHeadline('Water bills in Eastmoor to rise by 6 percent', 'Water bills in Eastmoor will rise by 6 percent from April.')).toBe(true);
    expect(leadCarriesHeadline('Night trains return to the coast line', 'Overnight services will run again from May.')).toBe(false);
  });

  it('speaks a headline once per story, never two near-identical sentences in a row, and a one-line article once', async () => {
    const articles = loadArticles('writer/repetition.json');
    for (const targetSeconds of [60, 120, 180]) {
      const doc = await writer.write(briefingInput({ articles, targetSeconds }));
      const intro = doc.segments[0]!.text;
      for (const story of doc.segments.filter((s) => s.kind === 'story')) {
        const sentences = splitSentences(story.text);
        for (let i = 1; i < sentences.length; i++) expect(nearIdentical(sentences[i - 1]!, sentences[i]!)).toBe(false);
        // The intro never reads a whole headline of more than a few words.
        if ((story.title ?? '').split(' ').length > 6) expect(intro).not.toContain((story.title ?? '').replace(/\.$/, ''));
      }
      const oneLine = doc.segments.find((s) => s.id === 'one-line')!;
      expect(oneLine.text).toBe('Eastmoor Rovers sign goalkeeper Tom Adeyemi.');
      const restated = doc.segments.find((s) => s.id === 'restated')!;
      expect(restated.text.match(/rise by 6 percent/g)).toHaveLength(1);
      // A headline the lead does not carry is read as its own sentence first.
      expect(doc.segments.find((s) => s.id === 'headline-first')!.text).toMatch(/^Night trains return to the coast line\. Overnight/);
    }
  });
});
