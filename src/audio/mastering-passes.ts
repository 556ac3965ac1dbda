/**
 * A piece is rendered, decoded and measured; when it missed its loudness or
 * peak target it is rendered again with a corrected gain or a lower limiter
 * ceiling (rare: usually the first pass lands). These are the rules for the
 * passes, free of ffmpeg.
 */
export interface MasterPass {
  gainDb: number;
  /** Ceiling of the peak limiter, dBFS. */
  ceilingDb: number;
}

export interface MeasuredPass extends MasterPass {
  seconds: number;
  /** Gated integrated loudness of the decoded piece; -Infinity when too short or quiet to gate. */
  integratedLufs: number;
  /** Null for digital silence. */
  truePeakDbtp: number | null;
}

export interface PassTarget {
  /** What the compressed speech measured before any gain (see piece-masterer.ts). */
  compressed: { integratedLufs: number; truePeakDbtp: number | null };
  integratedLufs: number;
  /** The true peak a pass aims under: the first ceiling sits below it, a missed pass lowers the ceiling by what it overshot. */
  truePeakDbtp: number;
  /** The highest true peak accepted (at or above the aim). */
  peakLimitDbtp: number;
  toleranceLu: number;
  maxPasses: number;
}

/** The loudness a pass is expected to measure after encoding (limiter-estimate.ts). */
export type LoudnessPrediction = (pass: MasterPass) => number;

/** Pieces shorter than this (transitions) barely move the episode's loudness, so only their peak is checked. */
const SHORT_PIECE_SECONDS = 3;

/** MP3 encoding overshoots a limited waveform by up to about this much (1.57 dB was the most seen on speech), so the first ceiling sits this far under the peak target. */
export const ENCODE_OVERSHOOT_DB = 1.7;

/**
 * The gain that lands at the target with a limiter at `ceilingDb`, by the
 * prediction moved by `offsetLu` (what an earlier pass of this piece measured
 * against its prediction). Very short or silent input has no gated loudness:
 * its level is left alone rather than amplify noise.
 */
function gainFor(target: PassTarget, predict: LoudnessPrediction, ceilingDb: number, offsetLu: number): number {
  if (!Number.isFinite(target.compressed.integratedLufs) || target.compressed.integratedLufs <= -60) return 0;
  // The limiter only takes loudness away, so the gain lies between the lossless one and 8 dB more;
  // the predicted loudness rises with the gain: bisect (to within 0.01 dB).
  const lossless = target.integratedLufs - target.compressed.integratedLufs;
  let low = Math.max(-30, lossless - 1);
  let high = Math.min(30, lossless + 8);
  for (let step = 0; step < 10; step += 1) {
    const middle = (low + high) / 2;
    if (predict({ gainDb: middle, ceilingDb }) - offsetLu < target.integratedLufs) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

export function firstPass(target: PassTarget, predict: LoudnessPrediction): MasterPass {
  const ceilingDb = target.truePeakDbtp - ENCODE_OVERSHOOT_DB;
  return { ceilingDb, gainDb: gainFor(target, predict, ceilingDb, 0) };
}

/** Whether a missed piece may be rendered again. */
export function passesLeft(target: PassTarget, passes: MeasuredPass[]): boolean {
  return passes.length < target.maxPasses;
}

export function passAccepted(target: PassTarget, pass: MeasuredPass): boolean {
  const peakOk = (pass.truePeakDbtp ?? Number.NEGATIVE_INFINITY) <= target.peakLimitDbtp;
  const loudnessOk = !Number.isFinite(pass.integratedLufs) || pass.seconds < SHORT_PIECE_SECONDS || Math.abs(pass.integratedLufs - target.integratedLufs) <= target.toleranceLu;
  return peakOk && loudnessOk;
}

/**
 * The next pass after `passes` missed, or undefined when the passes are spent.
 * The ceiling comes down by what the peak overshot; the gain is the predicted
 * one for that ceiling, corrected by how far the last pass landed from its
 * prediction.
 */
export function nextPass(target: PassTarget, passes: MeasuredPass[], predict: LoudnessPrediction): MasterPass | undefined {
  if (!passesLeft(target, passes)) return undefined;
  const last = passes[passes.length - 1]!;
  const peak = last.truePeakDbtp ?? Number.NEGATIVE_INFINITY;
  const lowered = peak > target.truePeakDbtp ? peak - target.truePeakDbtp + 0.2 : 0;
  const ceilingDb = last.ceilingDb - lowered;
  if (!Number.isFinite(last.integratedLufs) || last.seconds < SHORT_PIECE_SECONDS) return { ceilingDb, gainDb: last.gainDb };
  const offsetLu = predict(last) - last.integratedLufs;
  return { ceilingDb, gainDb: gainFor(target, predict, ceilingDb, offsetLu) };
}

/** The pass to keep: an accepted one, else the closest to the loudness target that respects the peak limit, else the one with the lowest peak. */
export function bestPass(target: PassTarget, passes: MeasuredPass[]): number {
  const accepted = passes.findIndex((pass) => passAccepted(target, pass));
  if (accepted >= 0) return accepted;
  let best = -1;
  passes.forEach((pass, index) => {
    if ((pass.truePeakDbtp ?? Number.NEGATIVE_INFINITY) > target.peakLimitDbtp) return;
    const distance = Math.abs(pass.integratedLufs - target.integratedLufs);
    if (best < 0 || distance < Math.abs(passes[best]!.integratedLufs - target.integratedLufs)) best = index;
  });
  if (best >= 0) return best;
  // No pass kept under the peak limit (MP3 overshoot on a long piece can outgrow a lower ceiling): the lowest peak.
  const peakOf = (pass: MeasuredPass) => pass.truePeakDbtp ?? Number.NEGATIVE_INFINITY;
  return passes.reduce((lowest, pass, index) => (peakOf(pass) < peakOf(passes[lowest]!) ? index : lowest), 0);
}
