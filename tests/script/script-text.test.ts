import { describe, expect, it } from 'vitest';
import { isBriefcastError } from '../../src/core/errors.js';
import type { ScriptDocument } from '../../src/core/types.js';
import { createExtractiveWriter } from '../../src/script/extractive-writer.js';
import { parseScriptText, renderScriptText } from '../../src/script/script-text.js';
import { briefingInput } from './fixtures.js';

const handMade: ScriptDocument = {
  version: 1,
  showTitle: 'Pipes & Pages | Weekly',
  date: '2025-03-04',
  language: 'en-GB',
  writer: 'llm:test-model',
  segments: [
    { id: 'intro-00000001', kind: 'intro', text: 'Hello. # Not a header, just words.', voice: 'alice' },
    {
      id: 'story-abc',
      kind: 'story',
      text: '> This line starts like metadata. \\ And this one has a backslash. "Quoted." Done!',
      title: 'A [bracketed] headline | with a pipe',
      articleIds: ['a1', 'b2'],
      sources: [
        { title: 'Title with | pipe and \\ slash', siteName: 'BBC News', url: 'https://example.org/a' },
        { title: 'Only a title' },
        { title: '', url: 'https://example.org/b' },
      ],
      voice: 'bob',
    },
    { id: 'outro-00000002', kind: 'outro', text: 'Bye.' },
  ],
};

describe('script text format', () => {
  it('round-trips a generated briefing', async () => {
    const doc = await createExtractiveWriter().write(briefingInput());
    const text = renderScriptText(doc);
    expect(text).toContain('## [story tram-7f3a21c9] Harbridge council approves £45m tram extension to the airport');
    expect(parseScriptText(text)).toEqual(doc);
    expect(renderScriptText(parseScriptText(text))).toBe(text);
  });

  it('round-trips awkward characters, voices and several sources', () => {
    expect(parseScriptText(renderScriptText(handMade))).toEqual(handMade);
  });

  it('keeps ids when a producer rewrites, rewraps and deletes words', async () => {
    const doc = await createExtractiveWriter().write(briefingInput({ targetSeconds: 90 }));
    const edited = renderScriptText(doc).replace(
      /(## \[story rates-2c9e4b10\][^\n]*\n(?:>[^\n]*\n)*)[\s\S]*?(?=\n## )/,
      '$1The central bank kept rates on hold.\nIt said   inflation\nwas cooling.\n',
    );
    const parsed = parseScriptText(edited);
    const rates = parsed.segments.find((s) => s.id === 'rates-2c9e4b10')!;
    expect(rates.text).toBe('The central bank kept rates on hold. It said inflation was cooling.');
    expect(parsed.segments.map((s) => s.id)).toEqual(doc.segments.map((s) => s.id));
  });

  it.each([
    ['no title line', 'hello\n', /line 1: expected the show title/],
    ['text before a section', '# Show\n> date: 2025-03-04\nstray words\n', /line 3: text before the first/],
    ['unknown kind', '# Show\n> date: 2025-03-04\n## [ad x1]\nBuy now.\n', /line 3: unknown segment kind "ad"/],
    ['broken header', '# Show\n## story x1 Headline\nWords.\n', /line 2: a section header must look like/],
    ['unknown field', '# Show\n## [story x1] H\n> mood: happy\nWords.\n', /line 3: unknown segment field "mood"/],
    ['empty segment', '# Show\n> date: 2025-03-04\n> language: en\n> writer: w\n## [outro o1]\n', /segments\[0\]\.text: must contain words/],
    ['bad date', '# Show\n> date: 4 March\n> language: en\n> writer: w\n## [outro o1]\nBye.\n', /date:/],
  ])('rejects %s with SCRIPT_INVALID and where', (_name, text, message) => {
    let caught: unknown;
    try {
      parseScriptText(text, 'edited.txt');
    } catch (error) {
      caught = error;
    }
    expect(isBriefcastError(caught, 'SCRIPT_INVALID')).toBe(true);
    expect((caught as Error).message).toMatch(message);
    expect((caught as { subject?: string }).subject).toBe('edited.txt');
  });
});
