/**
 * Saying a thing twice: two sentences in a row that are the same or nearly so, and a
 * story that opens with words the intro already read out in full.
 */

/**
 * Function words: they say nothing about what a sentence tells, so two sentences sharing "was", "for" and "the" are
 * not the same sentence ("The family was told that ... was not safe for children at all. That was not all for the
 * family." shares every word of the second and says something new). Words of up to two letters are ignored anyway.
 */
const FUNCTION_WORDS = new Set(
  (
    // English
    'the and but for nor yet not was were are has had have been being its his her hers him she they them their ' +
    'this that these those there here then than with from into onto over upon about after before when while ' +
    'which who whom whose what where why how all any some each both either neither one also just very too can ' +
    'could will would shall should may might must did does our out off you your '
    // German, French, Spanish, Russian (the languages the framing speaks)
    + 'der die das den dem des und oder aber ein eine einer einen nicht ist sind war waren hat mit von für auf aus ' +
    'les des une est sont était avec pour dans par pas qui que sur ses aux ' +
    'los las una uno del con por para que más sus era son fue ' +
    'что как это был была были его она они так для при или уже'
  ).split(/\s+/),
);

/** Words compared: lower-cased letter runs of any script, short words and function words ignored. */
function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 2 && !FUNCTION_WORDS.has(word)));
}

/** Share of `a`'s words found in `b`. */
export function sharedShare(a: string, b: string): number {
  const wa = contentWords(a);
  const wb = contentWords(b);
  if (wa.size === 0) return 0;
  let shared = 0;
  for (const word of wa) if (wb.has(word)) shared++;
  return shared / wa.size;
}

/** Share of the smaller sentence's words found in the other. */
export function containment(a: string, b: string): number {
  return contentWords(a).size <= contentWords(b).size ? sharedShare(a, b) : sharedShare(b, a);
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
