import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showConfigSchema } from '../../src/config/show-config.js';
import { segmentRequest } from '../../src/pipeline/episode-steps.js';
import { renderSegment } from '../../src/pipeline/render-segment.js';
import { createExtractiveWriter } from '../../src/script/extractive-writer.js';
import { analyseQuotes, quotationRanges, quotationSpans } from '../../src/script/quote-spans.js';
import { splitQuoteRuns } from '../../src/tts/quote-runs.js';
import { jsonOf } from '../tts/support/loopback.js';
import { startVendors, vendorRegistry, type VendorStandIns } from '../tts/support/providers.js';
import { createTestContext, recordingRetryPolicy } from '../tts/support/test-context.js';
import { briefingInput, loadArticles } from './fixtures.js';

const marks = (text: string): number => (text.match(/"/g) ?? []).length;

describe('quotation spans', () => {
  it('follows a quotation over a paragraph break by the reopening convention', () => {
    const states = analyseQuotes([
      ['Anna Lindqvist spoke.', '"We lost eleven boats.', 'Nobody wants that.'],
      ['"Please lift your boat out," she said.', 'The harbour stays open.'],
    ]);
    expect(states.map((s) => [s.openAtStart, s.openAtEnd])).toEqual([
      [false, false], [false, true], [true, true], [true, false], [false, false],
    ]);
    // The paragraph's reopening mark is no quotation of its own: it goes.
    expect(states[3]!.text).toBe('Please lift your boat out," she said.');
    expect(quotationSpans(states)).toEqual([[1, 3]]);
  });

  it('reads a reopening mark at a sentence start as the quotation going on when the page lost its paragraph breaks', () => {
    const states = analyseQuotes([
      ['"We lost eleven boats in one night.', 'Nobody here has seen that.', '"Please lift your boat out," the harbour master said.', 'The harbour stays open.'],
    ]);
    expect(states.map((s) => [s.openAtStart, s.openAtEnd])).toEqual([[false, true], [true, true], [true, false], [false, false]]);
    expect(states[2]!.text).toBe('Please lift your boat out," the harbour master said.');
    expect(quotationSpans(states)).toEqual([[0, 2]]);
    // Look-alike that must survive: a new quotation after one that closed keeps its opening mark.
    const closed = analyseQuotes([['"We are ready," she said.', '"So are we," he replied.']]);
    expect(closed.map((s) => s.text)).toEqual(['"We are ready," she said.', '"So are we," he replied.']);
    // A closing mark the splitter left at the next sentence's start still closes: it is no reopening.
    const split = analyseQuotes([['"I ask them, \'What happened to you?\'', '" The answers are rarely short.']]);
    expect(split.map((s) => [s.openAtStart, s.openAtEnd])).toEqual([[false, true], [true, false]]);
  });

  it('closes a quotation left open at a paragraph end that the next paragraph does not reopen', () => {
    const states = analyseQuotes([['"We will rebuild.', 'It will take years.'], ['The council met on Monday.']]);
    expect(quotationSpans(states)).toEqual([[0, 1]]);
    expect(states[2]).toMatchObject({ openAtStart: false, openAtEnd: false });
  });

  it('drops a closing mark with nothing open, and reads a mark by its direction', () => {
    expect(analyseQuotes([['Prices fell" on Monday.']])[0]!.text).toBe('Prices fell on Monday.');
    expect(quotationRanges('He said "we are ready" and left.')).toEqual([[8, 22]]);
    expect(quotationRanges('A stray " mark, then "a real quotation here," she said.')).toEqual([[21, 45]]);
  });

  it('drops an opening mark that a later opening mark in the same sentence shows was never closed', () => {
    const [state] = analyseQuotes([['Fans were told they "can look forward to a new "Harbour Hero" film next year.']]);
    expect(state!.text).toBe('Fans were told they can look forward to a new "Harbour Hero" film next year.');
    expect(state).toMatchObject({ openAtStart: false, openAtEnd: false });
  });

  it('never gives narration to the quotes voice, even around a stray or unclosed mark', () => {
    expect(splitQuoteRuns('"Stray opening. Narration goes on. "We will act now," she said.')).toEqual([
      { text: '"Stray opening. Narration goes on.', quote: false },
      { text: '"We will act now,"', quote: true },
      { text: 'she said.', quote: false },
    ]);
    expect(splitQuoteRuns('The minister said "we will never give up on this town')).toEqual([
      { text: 'The minister said "we will never give up on this town', quote: false },
    ]);
  });
});

describe('a quotation over two paragraphs in a briefing', () => {
  let vendors: VendorStandIns;
  beforeAll(async () => {
    vendors = await startVendors();
  });
  afterAll(() => vendors.close());

  it('reads as one balanced quotation, no mark invented at the story start, quotes voice on the quotation only', async () => {
    const articles = loadArticles('writer/quotes.json');
    const doc = await createExtractiveWriter().write(briefingInput({ articles, targetSeconds: 90 }));
    const story = doc.segments.find((s) => s.kind === 'story')!;
    expect(story.text).not.toMatch(/^"/);
    expect(marks(story.text) % 2).toBe(0);
    expect(story.text).toContain(
      '"We lost eleven boats in a single night, and two of them had been in the same families for fifty years. Nobody wants to see that again. If you can lift your boat out of the water this weekend, please do it. The forecast is as bad as I have seen it," she said.',
    );

    const providers = vendorRegistry(vendors, recordingRetryPolicy(2));
    const { ctx, cleanup } = await createTestContext(providers);
    try {
      const show = showConfigSchema.parse({
        id: 'harbour', title: 'Harbour News', description: 'News.', author: 'Briefcast',
        voices: { anchor: { provider: 'openai', name: 'alloy' }, quotes: { provider: 'openai', name: 'nova' } },
      });
      const before = vendors.openai.requests.length;
      await renderSegment(ctx, segmentRequest(show, story));
      const sent = vendors.openai.requests.slice(before).map(jsonOf).map((body) => [String(body.voice), String(body.input)]);
      const quoted = sent.filter(([voice]) => voice === 'nova').map(([, input]) => input).join(' ');
      const narrated = sent.filter(([voice]) => voice !== 'nova').map(([, input]) => input).join(' ');
      expect(quoted).toContain('We lost eleven boats');
      expect(quoted).toContain('The forecast is as bad as I have seen it');
      expect(quoted).not.toMatch(/harbour master|she said|Lindqvist/i);
      expect(narrated).toContain('she said.');
      expect(narrated).toMatch(/Anna Lindqvist said/);
      expect(narrated).not.toContain('eleven boats');
    } finally {
      await providers.closeAll();
      await cleanup();
    }
  });
});
