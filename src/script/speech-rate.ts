/**
 * Words per minute, to turn a target length into a word budget. A show may
 * set `wordsPerMinute`; otherwise the rate is the one measured for the
 * narrator's engine at speed 1 (times the voice's speed), and 150 for engines
 * not measured here (vendor voices vary by voice and model).
 *
 * Measured on 420 words of CNN/DailyMail news prose (numbers as written),
 * duration of the WAV the engine wrote, on this project's Debian 12 packages:
 * espeak-ng at -s 160 (Briefcast's speed 1): 158.8 wpm; festival
 * cmu_us_slt_arctic_hts: 157.3 wpm; flite (kal): 159.3 wpm.
 */
export const MEASURED_WORDS_PER_MINUTE: Readonly<Record<string, number>> = { espeak: 159, festival: 157, flite: 159 };
export const DEFAULT_WORDS_PER_MINUTE = 150;

/**
 * Seconds each synthesised segment lasts beyond its words (the engine's lead-in and closing pause), measured
 * as the length of "Next." less one word at the rate above: espeak-ng 0.85 s, festival 0.58 s, flite 0.93 s.
 */
export const MEASURED_SEGMENT_SECONDS: Readonly<Record<string, number>> = { espeak: 0.47, festival: 0.2, flite: 0.55 };
export const DEFAULT_SEGMENT_SECONDS = 0.3;

export function segmentOverhead(provider: string): number {
  return MEASURED_SEGMENT_SECONDS[provider] ?? DEFAULT_SEGMENT_SECONDS;
}

export interface RateSource {
  /** The show's own setting, which wins. */
  wordsPerMinute?: number;
  provider: string;
  speed?: number;
}

export function speakingRate(source: RateSource): number {
  if (source.wordsPerMinute !== undefined) return source.wordsPerMinute;
  const measured = MEASURED_WORDS_PER_MINUTE[source.provider];
  if (measured === undefined) return DEFAULT_WORDS_PER_MINUTE;
  return Math.round(measured * (source.speed ?? 1));
}

/**
 * Letters per word of the prose the rates above were measured on (CNN/DailyMail news, 4.77 on the first 200
 * validation articles). Engines speak letters (syllables), not words, at a steady pace: prose of longer words
 * takes longer per word.
 */
export const REFERENCE_LETTERS_PER_WORD = 4.77;

/** Mean letters (and digits) per whitespace-separated word. */
export function lettersPerWord(text: string): number {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return REFERENCE_LETTERS_PER_WORD;
  const letters = words.reduce((n, w) => n + (w.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0);
  return letters / words.length;
}

/**
 * A measured rate carried over to this text: scaled by how much shorter or longer its words are than the
 * measurement prose's (bounded to -20 %/+25 %, so a list of initials or one long compound cannot swing the
 * budget). The demo's script (5.0 letters a word, headlines and figures said in full) gives festival 149 wpm, not 157.
 */
export function rateForText(rate: number, text: string, measuredLettersPerWord = REFERENCE_LETTERS_PER_WORD): number {
  const ratio = Math.min(1.25, Math.max(0.8, measuredLettersPerWord / lettersPerWord(text)));
  return Math.round(rate * ratio);
}
