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
