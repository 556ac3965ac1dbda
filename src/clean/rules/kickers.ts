/**
 * Page furniture set in capitals or as a list heading inside the body: kicker lines
 * ("EXCLUSIVE", "WHAT HAPPENS NEXT"), list headers ("Key points:") and a capitals label
 * glued to the start of a paragraph ("BREAKING: ..."). Read aloud they sound like a stumble.
 */

const MAX_KICKER_WORDS = 10;
const MAX_HEADER_WORDS = 7;
/** A list header that introduces a quotation ("He told the BBC:") is attribution, not furniture. */
const SPEECH = /\b(?:said|says|told|tells|added|adds|wrote|writes|asked|explained|warned|stated|announced|tweeted|posted|replied|insisted|declared|reads?)\b/i;

/** Labels a page sets before story text; in capitals before a colon they are kickers, never caption labels. */
const KICKER_LABELS = new Set(
  ['exclusive', 'breaking', 'breaking news', 'just in', 'revealed', 'update', 'updated', 'live', 'analysis', 'opinion', 'comment', 'explainer', 'fact check', 'new', 'watch', 'special report'],
);

export function isKickerLabel(label: string): boolean {
  return KICKER_LABELS.has(label.toLowerCase().replace(/\s+/g, ' ').trim());
}

function caseCounts(text: string): { upper: number; lower: number } {
  return { upper: (text.match(/\p{Lu}/gu) ?? []).length, lower: (text.match(/\p{Ll}/gu) ?? []).length };
}

/** A short paragraph in capitals only (scripts without case never match). */
export function isKickerLine(paragraph: string): boolean {
  const words = paragraph.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_KICKER_WORDS) return false;
  const { upper, lower } = caseCounts(paragraph);
  return upper >= 3 && lower === 0;
}

/** "Key points:", "What we know so far:", "Here is the timeline:": a short heading ending in a colon. */
export function isListHeader(paragraph: string): boolean {
  if (!/:\s*$/.test(paragraph) || SPEECH.test(paragraph)) return false;
  const words = paragraph.split(/\s+/).filter(Boolean);
  return words.length <= MAX_HEADER_WORDS;
}

/** Drops a capitals label ("EXCLUSIVE:", "BREAKING NEWS -") heading a paragraph of text. */
export function stripKickerPrefix(paragraph: string): string {
  const match = /^(\p{Lu}[\p{Lu}'’&.]+(?:\s+\p{Lu}[\p{Lu}'’&.]+){0,3})\s*(?::|\s[-–—|])\s+(?=\S)/u.exec(paragraph);
  if (!match) return paragraph;
  const rest = paragraph.slice(match[0].length);
  // A capitals run that goes on in capitals is a shouted headline, not a label before text.
  return caseCounts(rest).lower > 0 ? rest : paragraph;
}
