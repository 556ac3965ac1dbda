import { describe, expect, it } from 'vitest';
import { BriefcastError, isBriefcastError } from '../../src/core/errors.js';
import { parseScriptDocument, parseScriptJson } from '../../src/script/script-schema.js';

const valid = {
  version: 1,
  showTitle: 'Morning',
  date: '2025-03-04',
  language: 'en',
  writer: 'extractive',
  segments: [
    { id: 'intro-1', kind: 'intro', text: 'Hello.' },
    { id: 'a1', kind: 'story', text: 'Words.', title: 'T', articleIds: ['a1'], sources: [{ title: 'T', siteName: 'X' }] },
  ],
};

function errorOf(fn: () => unknown): BriefcastError {
  try {
    fn();
  } catch (error) {
    if (isBriefcastError(error, 'SCRIPT_INVALID')) return error;
    throw error;
  }
  throw new Error('expected SCRIPT_INVALID');
}

describe('scriptDocumentSchema', () => {
  it('accepts a valid document and returns it unchanged', () => {
    expect(parseScriptDocument(structuredClone(valid))).toEqual(valid);
    expect(parseScriptJson(JSON.stringify(valid))).toEqual(valid);
  });

  it.each([
    ['wrong kind', { segments: [{ id: 'x', kind: 'advert', text: 'Hi.' }] }, /segments\[0\]\.kind/],
    ['blank text', { segments: [{ id: 'x', kind: 'intro', text: '   ' }] }, /segments\[0\]\.text: must contain words/],
    ['id with spaces', { segments: [{ id: 'a b', kind: 'intro', text: 'Hi.' }] }, /segments\[0\]\.id/],
    ['duplicate ids', { segments: [{ id: 'a', kind: 'intro', text: 'Hi.' }, { id: 'a', kind: 'outro', text: 'Bye.' }] }, /segments\[1\]\.id: duplicate segment id "a"/],
    ['bad date', { date: '2025-13-01' }, /^invalid script: date:/],
    ['wrong version', { version: 2 }, /version/],
    ['unknown field', { extra: true }, /extra/],
    ['no segments', { segments: [] }, /segments: a script needs at least one segment/],
    ['source without title', { segments: [{ id: 'x', kind: 'story', text: 'Hi.', sources: [{ url: 'u' }] }] }, /segments\[0\]\.sources\[0\]\.title/],
  ])('rejects %s with a path in the message', (_name, patch, message) => {
    const error = errorOf(() => parseScriptDocument({ ...valid, ...patch }, 'script.json'));
    expect(error.message).toMatch(message);
    expect(error.toLine()).toMatch(/^script\.json: invalid script: /);
  });

  it('rejects malformed JSON', () => {
    expect(errorOf(() => parseScriptJson('{"version": 1,', 'script.json')).message).toMatch(/not valid JSON/);
  });
});
