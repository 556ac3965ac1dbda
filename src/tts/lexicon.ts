/**
 * A show's pronunciation lexicon: names, acronyms and brands the engines get
 * wrong. SSML engines receive the IPA (or a spoken alias); the others receive
 * a respelling in ordinary letters, which every engine can read.
 */
export interface PronunciationEntry {
  /** IPA transcription, e.g. "ʃɐjˈɡu". Sent as <phoneme alphabet="ipa">. */
  ipa?: string;
  /** Respelling in plain letters, e.g. "Shoy-goo", or an expansion such as "Nato". */
  say?: string;
}

export type Lexicon = Readonly<Record<string, PronunciationEntry>>;

export type LexiconPiece = { text: string; entry?: undefined } | { text: string; entry: PronunciationEntry };

/** Splits text into plain runs and lexicon words, matching whole words only (case-sensitive: "US" is not "us"). */
export function splitByLexicon(text: string, lexicon: Lexicon | undefined): LexiconPiece[] {
  const terms = Object.keys(lexicon ?? {}).filter((term) => term.trim() !== '');
  if (!lexicon || terms.length === 0) return text ? [{ text }] : [];
  // Longest first, so "New York Times" wins over "New York".
  const alternatives = terms.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu');
  const pieces: LexiconPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) pieces.push({ text: text.slice(last, start) });
    const entry = lexicon[match[0]];
    pieces.push(entry ? { text: match[0], entry } : { text: match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}

/** Plain-text form for engines without SSML: words with a respelling are replaced by it. */
export function respell(text: string, lexicon: Lexicon | undefined): string {
  return splitByLexicon(text, lexicon)
    .map((piece) => piece.entry?.say ?? piece.text)
    .join('');
}

/** The entries that occur in the text: the part of a lexicon a segment's cache key depends on. */
export function usedEntries(text: string, lexicon: Lexicon | undefined): Record<string, PronunciationEntry> {
  const used: Record<string, PronunciationEntry> = {};
  for (const piece of splitByLexicon(text, lexicon)) if (piece.entry) used[piece.text] = piece.entry;
  return used;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
