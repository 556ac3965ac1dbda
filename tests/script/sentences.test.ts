import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/script/sentences.js';

describe('splitSentences', () => {
  it('does not split after titles, initials, decimals or inline abbreviations', () => {
    const text =
      'Mr. Smith met Dr. Jones at 5.30 on Monday. John F. Kennedy once said so, e.g. in 1961. Prices rose 3.2% vs last year.';
    expect(splitSentences(text)).toEqual([
      'Mr. Smith met Dr. Jones at 5.30 on Monday.',
      'John F. Kennedy once said so, e.g. in 1961.',
      'Prices rose 3.2% vs last year.',
    ]);
  });

  it('keeps "U.S." inside a sentence but ends a sentence after it when a new one clearly starts', () => {
    expect(splitSentences('The U.S. Senate voted. Exports to the U.S. The figures fell.')).toEqual([
      'The U.S. Senate voted.',
      'Exports to the U.S.',
      'The figures fell.',
    ]);
  });

  it('splits after a quotation ending in ." and not inside "No. 10"', () => {
    expect(splitSentences('"We will win." She left. No. 10 declined to comment. "Why?" he asked.')).toEqual([
      '"We will win."',
      'She left.',
      'No. 10 declined to comment.',
      '"Why?" he asked.',
    ]);
  });

  it('treats paragraphs as boundaries and collapses whitespace', () => {
    expect(splitSentences('First   paragraph without a stop\n\nSecond\nline here.')).toEqual([
      'First paragraph without a stop',
      'Second line here.',
    ]);
  });
});
