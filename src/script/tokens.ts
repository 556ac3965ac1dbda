/** Word counting and the light normalisation the ranker and grouper compare sentences with. */

/** Spoken words: whitespace-separated runs, the unit every budget is counted in. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/** Function words carry no topic, so similarity ignores them. */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them themselves then there these they this ' +
    'those through to too under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves said says say told tell mr mrs ms dr one two new year years would could may might also us its'
  ).split(' '),
);

/** True for a lower-cased token that carries no topic. */
export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/** Lower-cased letter/digit runs of any script, as written (no stemming): Cyrillic text has terms too. */
export function rawTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A crude suffix strip so "talks"/"talked"/"talking" meet; only used for similarity, never for output. */
export function stem(token: string): string {
  if (token.length <= 4 || /^\d/.test(token)) return token;
  for (const suffix of ['ing', 'edly', 'ed', 'es', 's', 'ly']) {
    if (token.endsWith(suffix) && token.length - suffix.length >= 3) return token.slice(0, -suffix.length);
  }
  return token;
}

/** Content terms of a text: stemmed tokens without stopwords or one-letter noise. */
export function contentTerms(text: string): string[] {
  return rawTokens(text)
    .filter((t) => t.length > 1 && !STOPWORDS.has(t))
    .map(stem);
}

export type TermVector = Map<string, number>;

export function termCounts(terms: readonly string[]): TermVector {
  const counts: TermVector = new Map();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of a) {
    na += w * w;
    const other = b.get(t);
    if (other !== undefined) dot += w * other;
  }
  for (const w of b.values()) nb += w * w;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Share of `a`'s distinct terms that also occur in `b`. */
export function overlap(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  if (setA.size === 0) return 0;
  const setB = new Set(b);
  let shared = 0;
  for (const t of setA) if (setB.has(t)) shared++;
  return shared / setA.size;
}
