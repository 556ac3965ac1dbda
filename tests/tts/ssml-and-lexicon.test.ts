import { describe, expect, it } from 'vitest';
import { respell, splitByLexicon, usedEntries } from '../../src/tts/lexicon.js';
import { splitQuoteRuns } from '../../src/tts/quote-runs.js';
import { escapeXml, ssmlText, toSsml } from '../../src/tts/ssml.js';
import { planChunks } from '../../src/tts/synthesize-text.js';

const lexicon = { Shoigu: { ipa: 'ʃɐjˈɡu', say: 'Shoy-goo' }, NATO: { say: 'Nay-toe' }, 'New York Times': { say: 'the Times' } };

describe('lexicon', () => {
  it('matches whole words, case-sensitively, longest first', () => {
    expect(respell('Shoigu met NATO; Shoiguville and nato did not. The New York Times agreed.', lexicon)).toBe(
      'Shoy-goo met Nay-toe; Shoiguville and nato did not. The the Times agreed.',
    );
    expect(splitByLexicon('Ask Shoigu.', lexicon).map((p) => p.text)).toEqual(['Ask ', 'Shoigu', '.']);
    expect(Object.keys(usedEntries('NATO said', lexicon))).toEqual(['NATO']);
  });
});

describe('SSML writer', () => {
  it('writes sentences, headline emphasis, phonemes, subs and say-as, escaping the text', () => {
    const ssml = toSsml('Shoigu out. NATO & allies met on 2025-03-04 with 12,000 troops, the 3rd time.', { lexicon, headline: true });
    expect(ssml).toBe(
      '<speak><s><emphasis level="moderate"><phoneme alphabet="ipa" ph="ʃɐjˈɡu">Shoigu</phoneme> out.</emphasis></s> ' +
        '<s><sub alias="Nay-toe">NATO</sub> &amp; allies met on <say-as interpret-as="date" format="ymd">2025-03-04</say-as> with ' +
        '<say-as interpret-as="cardinal">12000</say-as> troops, the <say-as interpret-as="ordinal">3</say-as> time.</s></speak>',
    );
  });

  it('never writes a tag the engine does not accept', () => {
    const ssml = toSsml('Shoigu out. Talks on 4/3/2025 went on.', { lexicon, headline: true, tags: ['break', 'sub'], speed: 1.2, sentenceBreakMs: 300 });
    expect(ssml).toBe('<speak>Shoy-goo out.<break time="350ms"/><break time="300ms"/>Talks on 4/3/2025 went on.</speak>'.replace('Shoy-goo', '<sub alias="Shoy-goo">Shoigu</sub>'));
    expect(toSsml('Faster.', { speed: 1.2 })).toBe('<speak><prosody rate="120%"><s>Faster.</s></prosody></speak>');
    expect(toSsml('On 4/3/2025.', { dateOrder: 'mdy' })).toContain('format="mdy"');
  });

  it('round-trips the spoken words', () => {
    expect(ssmlText(toSsml('Q&A: "quotes" <tags>.'))).toBe('Q&A: "quotes" <tags>.');
    expect(escapeXml(`<a b="c">'&'</a>`)).toBe('&lt;a b=&quot;c&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('chunk planning', () => {
  it('keeps SSML chunks under the SSML limit by splitting further', () => {
    const limits = { maxCharacters: 80, maxSsmlCharacters: 120, ssml: true, outputFormats: ['mp3' as const] };
    const text = 'One sentence here. Another one follows. A third sentence ends. And a fourth one too.';
    const chunks = planChunks(limits, text, (chunk) => ({ text: toSsml(chunk), ssml: true }));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(120);
    expect(chunks.map((c) => ssmlText(c.text)).join(' ')).toBe(text);
  });
});

describe('quotation runs', () => {
  it('separates quotations from narration, keeping short scare quotes with the narrator', () => {
    expect(splitQuoteRuns('He said: “We will not stop the work now.” Then he left the “so-called” summit.')).toEqual([
      { text: 'He said:', quote: false },
      { text: '“We will not stop the work now.”', quote: true },
      { text: 'Then he left the “so-called” summit.', quote: false },
    ]);
    expect(splitQuoteRuns('No quotes at all.')).toEqual([{ text: 'No quotes at all.', quote: false }]);
  });
});
