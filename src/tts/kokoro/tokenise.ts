/** Kokoro's context is 512 tokens, two of which are the pad token 0 wrapped round each input. */
export const MAX_TOKENS = 510;

export interface Tokens {
  ids: number[];
  /** Phoneme characters the vocabulary has no token for (skipped, and reported as a warning). */
  unknown: string[];
}

/** Maps phonemes to token ids, one character at a time, with the vocabulary from the model's folder. */
export function tokenise(phonemes: string, vocab: ReadonlyMap<string, number>): Tokens {
  const ids: number[] = [];
  const unknown = new Set<string>();
  for (const symbol of phonemes.normalize('NFC')) {
    const id = vocab.get(symbol);
    if (id === undefined) unknown.add(symbol);
    else ids.push(id);
  }
  return { ids, unknown: [...unknown] };
}

/** Cuts token ids into runs of at most MAX_TOKENS, at the last pause (space or punctuation) before the limit. */
export function chunkTokens(ids: number[], breaks: ReadonlySet<number>, max = MAX_TOKENS): number[][] {
  const chunks: number[][] = [];
  let start = 0;
  while (ids.length - start > max) {
    let end = start + max;
    for (let index = end - 1; index > start + max / 2; index--) {
      if (breaks.has(ids[index]!)) {
        end = index + 1;
        break;
      }
    }
    chunks.push(ids.slice(start, end));
    start = end;
  }
  if (start < ids.length) chunks.push(ids.slice(start));
  return chunks;
}
