import { createHash } from 'node:crypto';

/** Case, accent-form and whitespace differences must not change the id of the same story. */
function normaliseForId(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Stable id: the first 16 hex chars of sha256 over the normalised title and text. */
export function articleId(title: string, text: string): string {
  return createHash('sha256')
    .update(normaliseForId(title))
    .update('\n')
    .update(normaliseForId(text))
    .digest('hex')
    .slice(0, 16);
}
