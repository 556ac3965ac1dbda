/**
 * A piece is rendered, decoded and measured; when it missed its loudness or
 * peak target it is rendered again with a corrected gain or a lower limiter
 * ceiling (rare: usually the first pass lands). These are the rules for the
 * passes, free of ffmpeg.
 */
export interface MasterPass {
  gainDb: number;
  /** Ceiling of the oversampled limiter, dBFS. */
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
  /** The highest true peak accepted. */
  truePeakDbtp: number;
  toleranceLu: number;
  maxPasses: number;
}

/** Pieces shorter than this (transitions) barely move the episode's loudness, so only their peak is checked. */
const SHORT_PIECE_SECONDS = 3;

/** MP3 encoding overshoots a limited waveform by up to about this much, so the first ceiling sits this far under the peak target. */
export const ENCODE_OVERSHOOT_DB = 1.5;

/**
 * Loudness the limiter takes off speech whose peaks would pass its ceiling by
 * `excessDb`: fitted on eSpeak NG speech after the compressor (1.3 LU at
 * 4.8 dB, 1.8 LU at 5.9 dB); the growing slope is the limiter reaching
 * further below the peaks.
 */
export function limiterLossLu(excessDb: number): number {
  return excessDb > 0 ? 0.114 * excessDb + 0.032 * excessDb * excessDb : 0;
}

/** How much more the limiter takes per dB more excess (the model's slope). */
function limiterLossSlope(excessDb: number): number {
  return excessDb > 0 ? 0.114 + 0.064 * excessDb : 0;
}

/** The loudness a pass is expected to land at, by the limiter model. */
function predicted(target: PassTarget, pass: MasterPass): number {
  const peak = target.compressed.truePeakDbtp ?? Number.NEGATIVE_INFINITY;
  return target.compressed.integratedLufs + pass.gainDb - limiterLossLu(peak + pass.gainDb - pass.ceilingDb);
}

/**
 * The gain that lands at the target with a limiter at `ceilingDb`, by the
 * model. Very short or silent input has no gated loudness: its level is left
 * alone rather than amplify noise.
 */
function gainFor(target: PassTarget, ceilingDb: number): number {
  if (!Number.isFinite(target.compressed.integratedLufs) || target.compressed.integratedLufs <= -60) return 0;
  // Between no loss and 6 LU of it the predicted loudness rises with the gain: bisect.
  const lossless = target.integratedLufs - target.compressed.integratedLufs;
  let low = Math.max(-30, lossless);
  let high = Math.min(30, lossless + 6);
  for (let step = 0; step < 30; step += 1) {
    const middle = (low + high) / 2;
    if (predicted(target, { gainDb: middle, ceilingDb }) < target.integratedLufs) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

export function firstPass(target: PassTarget): MasterPass {
  const ceilingDb = target.truePeakDbtp - ENCODE_OVERSHOOT_DB;
  return { ceilingDb, gainDb: gainFor(target, ceilingDb) };
}

export function passAccepted(target: PassTarget, pass: MeasuredPass): boolean {
  const peakOk = (pass.truePeakDbtp ?? Number.NEGATIVE_INFINITY) <= target.truePeakDbtp;
  const loudnessOk = !Number.isFinite(pass.integratedLufs) || pass.seconds < SHORT_PIECE_SECONDS || Math.abs(pass.integratedLufs - target.integratedLufs) <= target.toleranceLu;
  return peakOk && loudnessOk;
}

/**
 * The next pass after `passes` missed, or undefined when the passes are spent.
 * The ceiling comes down by what the peak overshot. The gain moves by the
 * loudness missed plus what the lower ceiling will take, both divided by the
 * part of a gain change that survives the limiter (1 - its marginal loss).
 */
export function nextPass(target: PassTarget, passes: MeasuredPass[]): MasterPass | undefined {
  if (passes.length >= target.maxPasses) return undefined;
  const last = passes[passes.length - 1]!;
  const peak = last.truePeakDbtp ?? Number.NEGATIVE_INFINITY;
  const lowered = peak > target.truePeakDbtp ? peak - target.truePeakDbtp + 0.2 : 0;
  const ceilingDb = last.ceilingDb - lowered;
  if (!Number.isFinite(last.integratedLufs) || last.seconds < SHORT_PIECE_SECONDS) return { ceilingDb, gainDb: last.gainDb };
  const excess = (target.compressed.truePeakDbtp ?? Number.NEGATIVE_INFINITY) + last.gainDb - last.ceilingDb;
  const marginal = Math.min(0.7, Math.max(0.1, limiterLossSlope(excess)));
  const step = (target.integratedLufs - last.integratedLufs + marginal * lowered) / (1 - marginal);
  return { ceilingDb, gainDb: last.gainDb + Math.max(-6, Math.min(6, step)) };
}

/** The pass to keep: an accepted one, else the closest to the loudness target that respects the peak limit, else the last. */
export function bestPass(target: PassTarget, passes: MeasuredPass[]): number {
  const accepted = passes.findIndex((pass) => passAccepted(target, pass));
  if (accepted >= 0) return accepted;
  let best = -1;
  passes.forEach((pass, index) => {
    if ((pass.truePeakDbtp ?? Number.NEGATIVE_INFINITY) > target.truePeakDbtp) return;
    const distance = Math.abs(pass.integratedLufs - target.integratedLufs);
    if (best < 0 || distance < Math.abs(passes[best]!.integratedLufs - target.integratedLufs)) best = index;
  });
  return best >= 0 ? best : passes.length - 1;
}
