/**
 * Saying a thing twice: two sentences in a row that are the same or nearly so, and a
 * story that opens with words the intro already read out in full.
 */

/** Words compared: lower-cased letter runs of any script, short function words ignored. */
function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 2));
}

/** Share of the smaller sentence's words found in the other. */
export function containment(a: string, b: string): number {
  const wa = contentWords(a);
  const wb = contentWords(b);
  const small = wa.size <= wb.size ? wa : wb;
  const large = small === wa ? wb : wa;
  if (small.size === 0) return 0;
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / small.size;
}

const NEAR_IDENTICAL = 0.8;
/** A sentence of fewer distinct words than this only repeats when it is equal. */
const MIN_WORDS = 3;

export function nearIdentical(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (norm(a) === norm(b) && norm(a) !== '') return true;
  if (Math.min(contentWords(a).size, contentWords(b).size) < MIN_WORDS) return false;
  return containment(a, b) >= NEAR_IDENTICAL;
}
