import { describe, expect, it } from 'vitest';
import { quoteRequirements } from '../../src/script/quotes.js';
import { splitSentences } from '../../src/script/sentences.js';

describe('quoteRequirements', () => {
  it('ties a quotation running over sentences to the sentence naming its speaker', () => {
    const s = splitSentences('Prices fell. The minister said: "We acted early. It worked. Others will follow." Markets rose.');
    expect(s).toHaveLength(5);
    const req = quoteRequirements(s);
    expect(req[0]).toEqual([]);
    expect(req[1]).toEqual([]);
    expect(req[2]).toEqual([1]);
    expect(req[3]).toEqual([1]);
    expect(req[4]).toEqual([]);
  });

  it('finds the speaker after a quotation ("...," she said.)', () => {
    const s = splitSentences('"We acted early. It worked," the minister said. Markets rose.');
    expect(quoteRequirements(s)[0]).toEqual([1]);
  });

  it('links a quotation without a speaker to the neighbouring attribution', () => {
    const s = splitSentences('The mayor was defiant on Monday, telling reporters what she thought. "We will not back down." Rain fell.');
    expect(quoteRequirements(s)[1]).toEqual([0]);
    const t = splitSentences('Rain fell. "We will not back down." That was the message, the mayor said.');
    expect(quoteRequirements(t)[1]).toEqual([2]);
  });

  it('leaves self-attributed quotations alone', () => {
    const s = splitSentences('"It is nonsense," she said. He told CNN: "Yes."');
    expect(quoteRequirements(s)).toEqual([[], []]);
  });
});
