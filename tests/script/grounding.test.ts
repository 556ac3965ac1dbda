import { describe, expect, it } from 'vitest';
import type { ScriptDocument } from '../../src/core/types.js';
import { createExtractiveWriter } from '../../src/script/extractive-writer.js';
import { checkGrounding, repairGrounding } from '../../src/script/grounding.js';
import { briefingInput, loadArticles } from './fixtures.js';

const articles = loadArticles();

function docWith(text: string): ScriptDocument {
  return {
    version: 1,
    showTitle: 'Harbridge Morning',
    date: '2025-03-04',
    language: 'en',
    writer: 'llm:test',
    segments: [
      { id: 'intro-1', kind: 'intro', text: 'This is Harbridge Morning, your briefing for Tuesday, 4 March 2025.' },
      { id: 'tram-7f3a21c9', kind: 'story', text, articleIds: ['tram-7f3a21c9'] },
    ],
  };
}

const context = { articles, allowed: ['Harbridge Morning', 'Tuesday, 4 March 2025'] };
const grounded =
  'Councillors voted 38 to 11 in favour of the scheme on Monday evening. The US central bank held its rate at 4.5 percent. ' +
  'Council leader Mister Daniel Reyes said: "Tonight we fixed that." The 4.2-mile extension will add five stops.';

describe('grounding check', () => {
  it('accepts sentences whose numbers, names and quotations are all in the sources', () => {
    expect(checkGrounding(docWith(grounded), context)).toEqual([]);
  });

  it('accepts the extractive writer\'s own script', async () => {
    const doc = await createExtractiveWriter().write(briefingInput());
    expect(checkGrounding(doc, { articles, allowed: ['Harbridge Morning', 'Tuesday, 4 March 2025'] })).toEqual([]);
  });

  it('catches an invented figure', () => {
    const issues = checkGrounding(docWith(`${grounded} The extension will cost 52 million pounds.`), context);
    expect(issues).toEqual([
      { segmentId: 'tram-7f3a21c9', sentence: 'The extension will cost 52 million pounds.', reason: 'number 52 is not in the sources' },
    ]);
    expect(checkGrounding(docWith('Eleven councillors opposed it, and seventeen abstained.'), context)[0]?.reason).toBe(
      'number 17 is not in the sources',
    );
  });

  it('catches an invented name', () => {
    const issues = checkGrounding(docWith(`${grounded} Transport minister Gareth Pryce praised the vote.`), context);
    expect(issues.map((i) => i.reason)).toEqual(['name "Gareth Pryce" is not in the sources']);
  });

  it('catches a quotation that is not verbatim', () => {
    const issues = checkGrounding(docWith('Mister Reyes said: "Tonight we finally fixed it."'), context);
    expect(issues[0]?.reason).toMatch(/^quotation "tonight we finally fixed it" is not verbatim/);
  });

  it('repairs a script by dropping only the offending sentences', () => {
    const result = repairGrounding(docWith(`${grounded} The extension will cost 52 million pounds.`), context);
    expect(result.doc.segments[1]!.text).toBe(grounded);
    expect(result.droppedShare).toBeCloseTo(1 / 6);
    expect(result.emptied).toEqual([]);
  });
});
