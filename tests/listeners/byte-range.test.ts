import { describe, expect, it } from 'vitest';
import { parseByteRange } from '../../src/listeners/byte-range.js';

describe('Range headers against a 1000-byte file', () => {
  it('reads closed, open and suffix ranges, clamping the end', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=990-', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseByteRange('bytes=-10', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseByteRange('bytes=500-99999', 1000)).toEqual({ start: 500, end: 999 });
  });

  it('refuses ranges past the end or backwards as unsatisfiable', () => {
    expect(parseByteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=50-10', 1000)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 1000)).toBe('unsatisfiable');
  });

  it('ignores what it does not serve: no header, other units, several ranges, junk, huge numbers', () => {
    for (const header of [undefined, '', 'items=0-1', 'bytes=0-1,5-9', 'bytes=abc', 'bytes=-', `bytes=${'9'.repeat(40)}-`, 'x'.repeat(500)]) {
      expect(parseByteRange(header, 1000)).toBeNull();
    }
  });
});
