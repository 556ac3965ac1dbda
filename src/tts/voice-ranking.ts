/**
 * The order in which the `auto` voice tries offline engines, best first. It
 * is data, not opinion: each row cites what scripts/bench-voices.ts measured
 * on the demo script (scripts/bench/voice-reference.txt) on Debian 12, where a
 * lower word error rate means pocketsphinx, a recogniser trained on human
 * speech, understood more of it. `wer: null` would mark a row not measured
 * here. Run `npm run bench:voices` after installing a new voice and move its
 * row to where its figure puts it.
 */
export interface RankedVoice {
  provider: string;
  /** The provider's voice name; for eSpeak NG, "<language>" means the show's language. */
  voice: string;
  /** Language prefixes the voice speaks ("en" covers en-us and en-gb); "*" for any its provider lists. */
  languages: readonly string[];
  /** Only when the provider's engineId starts with this (eSpeak NG's CLI and WASM builds share a name). */
  engine?: string;
  label: string;
  /** The recorded person behind the voice, when two engines share one (distinct cast roles skip repeats). */
  speaker?: string;
  /** Package that brings it on Debian/Ubuntu. */
  debianPackage?: string;
  /** Word error rate on the demo script, lower is better. */
  wer: number | null;
  /** Synthesis time over audio time. */
  realTimeFactor: number | null;
  /** Why the row sits above a row with a lower WER, when it does. */
  placement?: string;
}

// Measured 2026-12-01 with `npm run bench:voices` (Debian 12, 2 cores shared with other jobs, so RTFs are high); see docs/voices.md.
export const VOICE_RANKING: readonly RankedVoice[] = [
  {
    provider: 'festival',
    voice: 'cmu_us_slt_arctic_hts',
    languages: ['en'],
    label: 'Festival HTS, US English female',
    speaker: 'cmu-slt',
    debianPackage: 'festival festvox-us-slt-hts',
    wer: 0.23,
    realTimeFactor: 0.2,
    placement:
      'above flite rms (0.20 on the same text): 25 words of 819 apart, less than the spread between texts (on a 137-word text this voice scored 0.09), and the smoother voice; re-measure on more text to settle',
  },
  { provider: 'flite', voice: 'rms', languages: ['en'], label: 'flite rms, US English male', speaker: 'cmu-rms', debianPackage: 'flite', wer: 0.2, realTimeFactor: 0.043 },
  { provider: 'flite', voice: 'slt', languages: ['en'], label: 'flite slt, US English female', speaker: 'cmu-slt', debianPackage: 'flite', wer: 0.24, realTimeFactor: 0.079 },
  { provider: 'flite', voice: 'kal16', languages: ['en'], label: 'flite kal16, US English male', speaker: 'cmu-kal', debianPackage: 'flite', wer: 0.27, realTimeFactor: 0.019 },
  { provider: 'flite', voice: 'awb', languages: ['en'], label: 'flite awb, Scottish English male', speaker: 'cmu-awb', debianPackage: 'flite', wer: 0.29, realTimeFactor: 0.087 },
  {
    provider: 'festival',
    voice: 'kal_diphone',
    languages: ['en'],
    label: 'Festival diphone, US English male',
    speaker: 'cmu-kal',
    debianPackage: 'festival festvox-kallpc16k',
    wer: 0.32,
    realTimeFactor: 0.13,
  },
  { provider: 'espeak', voice: '<language>', languages: ['*'], engine: 'espeak-ng-cli', label: 'eSpeak NG (Debian CLI)', debianPackage: 'espeak-ng', wer: 0.75, realTimeFactor: 0.0072 },
  { provider: 'espeak', voice: '<language>', languages: ['*'], engine: 'espeak-ng-wasm', label: 'eSpeak NG (bundled WASM build)', wer: 0.75, realTimeFactor: 0.035 },
];

/** The apt line that brings the best-ranked voice, for machines that only have eSpeak NG. */
export const BETTER_VOICE_APT_LINE = 'sudo apt-get install festival festvox-us-slt-hts';
