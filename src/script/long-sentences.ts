/**
 * A sentence too long to read as one (a run-on without full stops, a list of
 * hundreds of words) is cut at clause boundaries into pieces a listener can
 * follow, so the writer can read some of it and honour the length.
 */
import { countWords } from './tokens.js';

/** Boundary strength after a word: 3 semicolon/colon/dash, 2 comma, 1 before a conjunction. */
function strengths(words: readonly string[]): number[] {
  return words.map((word, i) => {
    const next = (words[i + 1] ?? '').toLowerCase();
    if (/[;:]$/.test(word) || words[i + 1] === '—' || words[i + 1] === '–' || /[—–]$/.test(word)) return 3;
    if (/,$/.test(word)) return 2;
    if (/^(and|but|or|while|which|because|although|whereas|so|then|after|before|when)$/.test(next)) return 1;
    return 0;
  });
}

function finish(piece: readonly string[], first: boolean): string {
  let text = piece.join(' ').replace(/[\s,;:—–-]+$/, '').replace(/^[—–-]\s*/, '');
  if (!first) text = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]["'”’)]*$/.test(text) ? text : `${text}.`;
}

/** Cuts `sentence` into pieces of at most `maxWords` words, preferring the strongest clause boundary. */
export function clausePieces(sentence: string, maxWords: number): string[] {
  if (countWords(sentence) <= maxWords) return [sentence];
  const words = sentence.trim().split(/\s+/);
  const strength = strengths(words);
  const pieces: string[] = [];
  let start = 0;
  const minWords = Math.max(3, Math.floor(maxWords / 3));
  while (start < words.length) {
    if (words.length - start <= maxWords) {
      pieces.push(finish(words.slice(start), pieces.length === 0));
      break;
    }
    let cut = start + maxWords - 1;
    let best = 0;
    for (let i = start + maxWords - 1; i >= start + minWords - 1; i--) {
      if ((strength[i] ?? 0) > best) [best, cut] = [strength[i] ?? 0, i];
      if (best === 3) break;
    }
    pieces.push(finish(words.slice(start, cut + 1), pieces.length === 0));
    start = cut + 1;
  }
  return pieces.filter((p) => /[\p{L}\p{N}]/u.test(p));
}
