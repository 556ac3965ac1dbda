/** The cleaner splits with the same per-language rules as the writer, so both see the same sentences. */
export { splitSentences } from '../language/split-sentences.js';

export function collapse(value: string): string {
  return value.replace(/[\s\u00a0]+/g, ' ').trim();
}
