import { pcm16MonoWav } from '../../audio/wav.js';
/**
 * What an offline Latin-script engine (Festival, flite) is given to read.
 * Control characters are removed, letters outside the Latin script (which
 * these voices cannot say and some read as byte names) are skipped, accents
 * are folded, and a "word" longer than any real word (a hash, a URL, a
 * 100,000-letter run) is skipped, since the engines spend time and memory
 * spelling it out letter by letter.
 */
export const LONGEST_SPOKEN_WORD = 40;

export function speakableLatinText(text: string): string {
  return (
    text
      .normalize('NFKD')
      // Combining marks left by NFKD: "café" is read as "cafe".
      .replace(/\p{M}+/gu, '')
      // Control and format characters (NUL, escape, bidi marks, zero-width joiners) are never spoken.
      .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]+/gu, ' ')
      // Letters of other scripts: spoken by nobody here, so skipped rather than mangled.
      .replace(/[^\p{Script=Latin}\p{N}\p{P}\p{Zs}\p{S}]+/gu, ' ')
      // Symbols these engines read as names ("dollar sign", "emoji") unless a normaliser spelled them out.
      .replace(/[\p{So}\p{Sk}]+/gu, ' ')
      .split(/\s+/)
      .filter((word) => word.length <= LONGEST_SPOKEN_WORD)
      .join(' ')
      .trim()
  );
}

/** True when nothing in the text can be spoken: the engine is not asked, a short silence stands in. */
export function nothingToSay(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/** A mono 16-bit WAV of silence, for a chunk with nothing speakable in it. */
export function silentWav(sampleRate: number, seconds: number): Uint8Array {
  const samples = Math.round(sampleRate * seconds);
  return pcm16MonoWav(new Uint8Array(samples * 2), sampleRate);
}
