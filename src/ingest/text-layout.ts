/**
 * Turns loosely broken text into the Article text shape: one paragraph per block,
 * blank line between paragraphs, single spaces inside.
 */

/** A finished sentence: end punctuation, optionally inside closing quotes or brackets (but not `,"`). */
const TERMINAL = /[.!?…]["”’)\]]*$/;
/** Hard-wrapped prose fills most of a line; a short line without end punctuation is a heading, caption or credit. */
const SHORT_LINE = 50;

export function collapseSpaces(value: string): string {
  return value.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/**
 * Splits one block of lines into paragraphs. A line break inside a block is kept as
 * a paragraph break when the line looks finished (end punctuation) or is too short to
 * be wrapped prose, so a trailing "Photo: Reuters" line stays separate for the cleaner.
 */
export function splitBlock(block: string): string[] {
  const lines = block.split('\n').map(collapseSpaces).filter((line) => line.length > 0);
  const paragraphs: string[] = [];
  let current = '';
  for (const line of lines) {
    current = current ? `${current} ${line}` : line;
    if (TERMINAL.test(line) || line.length < SHORT_LINE) {
      paragraphs.push(current);
      current = '';
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

/** Blank-line separated blocks in, Article text out. */
export function layoutText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n+/)
    .flatMap(splitBlock)
    .join('\n\n');
}
