import type { SpeakerPass } from './ffmpeg.js';

/**
 * Smart speakers play briefings back to back with music and the assistant's
 * own voice, so Alexa asks for louder audio than podcasts (-14 LUFS integrated,
 * true peak at or below -2 dBFS) and for 10 seconds to 10 minutes of it. Every
 * piece is mastered twice when it is made: the podcast piece and its speaker
 * twin (gain plus true-peak limiting on the same signal, same frames), so the
 * speaker rendition of an episode is a stream copy of twins, with the same
 * chapter offsets as the podcast file and nothing re-encoded when one story changes.
 */
/** Part of the rendition's file name: bump when the processing changes, since published audio is cached as immutable. */
export const SPEAKER_RENDITION_VERSION = 's2';

export const speakerTarget = {
  integratedLufs: -14,
  truePeakDbtp: -2,
  /** Accepted distance of the episode from the loudness target ("around -14 LUFS"). */
  toleranceLu: 1,
  /** A piece aims closer than the episode must, so the pieces together land well inside the episode's tolerance. */
  pieceToleranceLu: 0.75,
  /** Kept between the limiter ceiling and the true-peak limit: MP3 decoding overshoots the limited waveform. */
  peakMarginDb: 0.3,
  minSeconds: 10,
  maxSeconds: 600,
  maxPasses: 3,
} as const;

/** Pieces shorter than this (transitions) barely move the episode's loudness, so one pass is enough for them. */
const SHORT_PIECE_SECONDS = 3;

export interface MeasuredPass extends SpeakerPass {
  seconds: number;
  /** Gated integrated loudness of the decoded twin; -Infinity when too short or quiet to gate. */
  integratedLufs: number;
  /** Null for digital silence. */
  truePeakDbtp: number | null;
}

/** Why an episode gets no speaker rendition, or undefined when it can have one. */
export function speakerRenditionRefusal(durationSeconds: number): string | undefined {
  if (durationSeconds < speakerTarget.minSeconds) return `shorter than ${speakerTarget.minSeconds} s`;
  if (durationSeconds > speakerTarget.maxSeconds) return `longer than ${speakerTarget.maxSeconds / 60} minutes`;
  return undefined;
}

/**
 * Limiting takes back about half of any gain on speech mastered for podcasts,
 * so the first pass asks for twice the difference; the ceiling starts 1.5 dB
 * under the limit, since MP3 encoding overshoots a heavily limited waveform by up to about that.
 */
export function firstSpeakerPass(podcastTargetLufs: number): SpeakerPass {
  const difference = speakerTarget.integratedLufs - podcastTargetLufs;
  return { gainDb: difference > 0 ? Math.min(12, 2 * difference) : difference, ceilingDb: speakerTarget.truePeakDbtp - 1.5 };
}

export function passAccepted(pass: MeasuredPass): boolean {
  const peakOk = (pass.truePeakDbtp ?? Number.NEGATIVE_INFINITY) <= speakerTarget.truePeakDbtp - speakerTarget.peakMarginDb;
  // A piece too short to matter (a one-word transition) or to gate keeps its first level: only its peak is checked.
  const loudnessOk = !Number.isFinite(pass.integratedLufs) || pass.seconds < SHORT_PIECE_SECONDS || Math.abs(pass.integratedLufs - speakerTarget.integratedLufs) <= speakerTarget.pieceToleranceLu;
  return peakOk && loudnessOk;
}

/** The next pass after `passes` missed, or undefined when the passes are spent. */
export function nextSpeakerPass(passes: MeasuredPass[]): SpeakerPass | undefined {
  if (passes.length >= speakerTarget.maxPasses) return undefined;
  const last = passes[passes.length - 1]!;
  const peak = last.truePeakDbtp ?? Number.NEGATIVE_INFINITY;
  const ceilingLimit = speakerTarget.truePeakDbtp - speakerTarget.peakMarginDb;
  const ceilingDb = peak > ceilingLimit ? last.ceilingDb - (peak - ceilingLimit) - 0.1 : last.ceilingDb;
  const gainDb = Number.isFinite(last.integratedLufs) && Math.abs(last.integratedLufs - speakerTarget.integratedLufs) > speakerTarget.pieceToleranceLu
    ? nextGain(passes)
    : last.gainDb;
  return { gainDb, ceilingDb };
}

/** The pass to keep: an accepted one, else the closest to the loudness target that respects the peak limit, else the last. */
export function bestSpeakerPass(passes: MeasuredPass[]): number {
  const accepted = passes.findIndex(passAccepted);
  if (accepted >= 0) return accepted;
  let best = -1;
  passes.forEach((pass, index) => {
    if ((pass.truePeakDbtp ?? Number.NEGATIVE_INFINITY) > speakerTarget.truePeakDbtp) return;
    const distance = Math.abs(pass.integratedLufs - speakerTarget.integratedLufs);
    if (best < 0 || distance < Math.abs(passes[best]!.integratedLufs - speakerTarget.integratedLufs)) best = index;
  });
  return best >= 0 ? best : passes.length - 1;
}

/**
 * Loudness rises less than the gain once the limiter works (about half as fast
 * on eSpeak speech), so the next gain follows the slope seen between the last
 * two passes (secant step), assuming 0.5 after the first.
 */
function nextGain(passes: MeasuredPass[]): number {
  const last = passes[passes.length - 1]!;
  const previous = passes[passes.length - 2];
  let slope = 0.5;
  if (previous && last.gainDb !== previous.gainDb && Number.isFinite(previous.integratedLufs)) {
    slope = (last.integratedLufs - previous.integratedLufs) / (last.gainDb - previous.gainDb);
  }
  slope = Math.min(1, Math.max(0.2, slope));
  const step = (speakerTarget.integratedLufs - last.integratedLufs) / slope;
  return last.gainDb + Math.max(-6, Math.min(6, step));
}
