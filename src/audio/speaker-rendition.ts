import { GAIN_STEP_DB } from './mp3-gain.js';

/**
 * Smart speakers play briefings back to back with music and the assistant's
 * own voice, so Alexa asks for louder audio than podcasts (-14 LUFS integrated,
 * true peak at or below -2 dBFS) and for 10 seconds to 10 minutes of it. Each
 * piece's speaker twin is the podcast piece raised by one lossless MP3 gain
 * step (+1.505 dB, see mp3-gain.ts): the podcast piece is mastered with the
 * peak headroom that step needs (but for a few peaks of a long piece, which
 * its twin leaves at the piece's gain: speaker-twin.ts), so the twin costs no encode, has the same
 * frames, and the speaker rendition of an episode is a stream copy of twins
 * with the podcast file's chapter offsets.
 */
/** Part of the rendition's file name: bump when the processing changes, since published audio is cached as immutable. */
export const SPEAKER_RENDITION_VERSION = 's3';

export const speakerTarget = {
  integratedLufs: -14,
  truePeakDbtp: -2,
  /** Accepted distance of the episode from the loudness target ("around -14 LUFS"). */
  toleranceLu: 1,
  /** Kept under the true-peak limit, for meters that read a little higher than ours. */
  peakMarginDb: 0.3,
  minSeconds: 10,
  maxSeconds: 600,
} as const;

/** Gain steps from a podcast piece to its twin: -16 LUFS becomes -14.5, inside the speaker tolerance. */
export const TWIN_GAIN_STEPS = 1;

/** The highest true peak a podcast piece may have so that its twin stays under the speaker limit with the margin. */
export const PODCAST_PEAK_FOR_TWIN_DBTP = speakerTarget.truePeakDbtp - speakerTarget.peakMarginDb - TWIN_GAIN_STEPS * GAIN_STEP_DB;


/** Why an episode gets no speaker rendition, or undefined when it can have one. */
export function speakerRenditionRefusal(durationSeconds: number): string | undefined {
  if (durationSeconds < speakerTarget.minSeconds) return `shorter than ${speakerTarget.minSeconds} s`;
  if (durationSeconds > speakerTarget.maxSeconds) return `longer than ${speakerTarget.maxSeconds / 60} minutes`;
  return undefined;
}
