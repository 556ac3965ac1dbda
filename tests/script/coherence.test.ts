import { describe, expect, it } from 'vitest';
import { coherenceRequirements, dependence, dropLeadingConnective } from '../../src/script/coherence.js';
import { createExtractiveWriter } from '../../src/script/extractive-writer.js';
import { splitSentences } from '../../src/script/sentences.js';
import { briefingInput, loadArticles } from './fixtures.js';

const writer = createExtractiveWriter({ order: 'given' });

function storiesOf(doc: { segments: Array<{ kind: string; id: string; text: string }> }) {
  return doc.segments.filter((s) => s.kind === 'story');
}

describe('context-dependent sentences', () => {
  it('reads each signal: dropped openers, back-pointing connectives, pronouns, definite references, answers', () => {
    const previous = 'Local traders claimed the closure would cost them thousands of pounds a week.';
    expect(dependence('But the council said nothing.', previous)).toBe('droppable-opener');
    expect(dependence('However, the council said nothing.', previous)).toBe('droppable-opener');
    expect(dependence('Instead the council said nothing.', previous)).toBe('needs-previous');
    expect(dependence('He added that the bridge was safe.', previous)).toBe('needs-previous');
    expect(dependence('Although others believe it, nobody knows.', previous)).toBe('needs-previous');
    expect(dependence('The closure began on Monday.', previous)).toBe('needs-previous');
    expect(dependence('The company said it was sorry.', previous)).toBe('needs-previous');
    expect(dependence('The council denied the claim on Friday.', previous)).toBe('needs-previous');
    // Ordinary sentences stand alone, including a definite description the headline resolves.
    expect(dependence('Engineers closed the bridge on Thursday.', previous)).toBe('none');
    expect(dependence('The forecast is for rain.', previous)).toBe('none');
    expect(dependence('The company said it was sorry.', previous, 'Company apologises for delays')).toBe('none');
    // At the top of an article nothing can be missing.
    expect(dependence('He said it was over.', undefined)).toBe('none');
  });

  it('rewrites a dropped opener and raises the next letter', () => {
    expect(dropLeadingConnective('But the council said nothing.')).toBe('The council said nothing.');
    expect(dropLeadingConnective('And yet it moved.')).toBe('It moved.');
    expect(dropLeadingConnective('Butter prices rose.')).toBe('Butter prices rose.');
    // "So" before a degree word is that word's adverb, not the conjunction.
    expect(dropLeadingConnective('So far, nobody has been charged.')).toBe('So far, nobody has been charged.');
    expect(dropLeadingConnective('So many people came that the doors closed.')).toBe('So many people came that the doors closed.');
    expect(dropLeadingConnective('So the council said no.')).toBe('The council said no.');
  });

  it('requires the whole chain back to a sentence that stands alone', () => {
    const s = splitSentences('Marta Quinn leads the highways team. She said the bridge was unsafe. He agreed. Rain fell all day.');
    expect(coherenceRequirements(s)).toEqual([[], [0], [0, 1], []]);
  });

  it('never opens a story with a sentence that needs one that was not read, at any length', async () => {
    const articles = loadArticles('writer/coherence.json');
    const opener = /^(?:but|and|however|instead|he|she|they|it|his|her|their|this|these|those)\b/i;
    for (const targetSeconds of [30, 45, 60, 90, 150]) {
      const doc = await writer.write(briefingInput({ articles, targetSeconds }));
      for (const story of storiesOf(doc)) {
        const sentences = splitSentences(story.text);
        expect(sentences[0]).not.toMatch(opener);
        // A kept answer is read with the claim it answers; a kept "He added" with the sentence naming him.
        if (story.text.includes('denied the claim')) expect(story.text).toContain('Local traders claimed');
        if (story.text.includes('She said the bridge')) expect(story.text).toContain('Marta Quinn');
        // A passage's leading "But"/"However," is dropped wherever the sentence before it was not read.
        for (const [i, sentence] of sentences.entries()) {
          if (/^But the county council/.test(sentence)) expect(sentences[i - 1]).toMatch(/30,000 vehicles/);
        }
      }
    }
  });

  it('rewrites an article whose first sentence opens with "But"', async () => {
    const articles = loadArticles('writer/coherence.json').filter((a) => a.id === 'but-lead');
    const doc = await writer.write(briefingInput({ articles, targetSeconds: 40 }));
    const story = storiesOf(doc)[0]!;
    expect(story.text).toContain("The biggest change is that Eastmoor's central library will now open on Sundays");
    expect(story.text).not.toMatch(/\bBut the biggest\b/);
  });
});
