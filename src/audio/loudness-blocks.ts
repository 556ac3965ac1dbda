/**
 * EBU R128 / ITU-R BS.1770 loudness from per-piece energies, so an episode's
 * loudness is known without decoding it: each piece keeps the K-weighted
 * energy of every MP3 frame (1152 samples), pieces are laid end to end, and
 * the 400 ms blocks (100 ms apart) and 3 s short-term windows are cut from the
 * running sum, then gated as the standard gates them.
 */
export interface FrameEnergies {
  /** Sum over the frame's samples (and channels) of the squared K-weighted signal. */
  energies: Float64Array;
}

export interface CombinedLoudness {
  integratedLufs: number;
  loudnessRangeLu: number;
}

/** The K-weighting pre-filter (high shelf) and RLB high-pass of BS.1770, as biquads for any sample rate. */
interface Biquad {
  b: [number, number, number];
  a: [number, number];
}

function kWeightingBiquads(sampleRate: number): Biquad[] {
  const shelf = (() => {
    const f0 = 1681.974450955533;
    const gainDb = 3.999843853973347;
    const q = 0.7071752369554196;
    const k = Math.tan((Math.PI * f0) / sampleRate);
    const vh = 10 ** (gainDb / 20);
    const vb = vh ** 0.4996667741545416;
    const a0 = 1 + k / q + k * k;
    return {
      b: [(vh + (vb * k) / q + k * k) / a0, (2 * (k * k - vh)) / a0, (vh - (vb * k) / q + k * k) / a0] as [number, number, number],
      a: [(2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0] as [number, number],
    };
  })();
  const highPass = (() => {
    const f0 = 38.13547087602444;
    const q = 0.5003270373238773;
    const k = Math.tan((Math.PI * f0) / sampleRate);
    const a0 = 1 + k / q + k * k;
    return { b: [1, -2, 1] as [number, number, number], a: [(2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0] as [number, number] };
  })();
  return [shelf, highPass];
}

/** K-weighted energy per frame of interleaved float samples; a partial last frame counts as its own frame. */
export function frameEnergies(samples: Float32Array, channels: number, sampleRate: number, frameSamples: number): Float64Array {
  const meters = Array.from({ length: channels }, () => new FrameEnergyMeter(sampleRate, frameSamples));
  meters.forEach((meter, channel) => meter.push(samples, channel, channels));
  return sumChannels(meters.map((meter) => meter.finish()));
}

/** Adds per-channel energies frame by frame (BS.1770 weights front channels 1). */
export function sumChannels(perChannel: Float64Array[]): Float64Array {
  const total = new Float64Array(Math.max(0, ...perChannel.map((energies) => energies.length)));
  for (const energies of perChannel) energies.forEach((energy, frame) => (total[frame] = total[frame]! + energy));
  return total;
}

/**
 * K-weighted energy per frame of one channel, fed in chunks of any size, so a
 * decoded piece is measured as it streams in rather than held in memory.
 */
export class FrameEnergyMeter {
  private readonly energies: number[] = [];
  private readonly shelf: Biquad;
  private readonly highPass: Biquad;
  // Direct form I: inputs and outputs one and two samples back, for each stage.
  private x1 = 0; private x2 = 0; private y1 = 0; private y2 = 0; private z1 = 0; private z2 = 0;
  private inFrame = 0;
  private sum = 0;

  constructor(sampleRate: number, private readonly frameSamples: number) {
    [this.shelf, this.highPass] = kWeightingBiquads(sampleRate) as [Biquad, Biquad];
  }

  /** Feeds samples `start`, `start + stride`, ... of `samples` (one channel of interleaved audio). */
  push(samples: Float32Array, start = 0, stride = 1): void {
    // Coefficients and state in locals: this runs over every sample of every piece.
    const [sb0, sb1, sb2] = this.shelf.b;
    const [sa1, sa2] = this.shelf.a;
    const [hb0, hb1, hb2] = this.highPass.b;
    const [ha1, ha2] = this.highPass.a;
    let { x1, x2, y1, y2, z1, z2, inFrame, sum } = this;
    const frameSamples = this.frameSamples;
    for (let i = start; i < samples.length; i += stride) {
      const x = samples[i]!;
      const y = sb0 * x + sb1 * x1 + sb2 * x2 - sa1 * y1 - sa2 * y2;
      const z = hb0 * y + hb1 * y1 + hb2 * y2 - ha1 * z1 - ha2 * z2;
      x2 = x1; x1 = x;
      y2 = y1; y1 = y;
      z2 = z1; z1 = z;
      sum += z * z;
      if (++inFrame === frameSamples) {
        this.energies.push(sum);
        sum = 0;
        inFrame = 0;
      }
    }
    Object.assign(this, { x1, x2, y1, y2, z1, z2, inFrame, sum });
  }

  finish(): Float64Array {
    if (this.inFrame > 0) {
      this.energies.push(this.sum);
      this.sum = 0;
      this.inFrame = 0;
    }
    return Float64Array.from(this.energies);
  }
}

const ABSOLUTE_GATE_LUFS = -70;

function lufs(meanSquare: number): number {
  return -0.691 + 10 * Math.log10(meanSquare);
}

/**
 * Mean squares of windows `windowSamples` long every `stepSamples`, over the
 * pieces laid end to end; a window that straddles a frame takes the frame's
 * energy in proportion to the samples it covers.
 */
function windowMeanSquares(pieces: FrameEnergies[], frameSamples: number, windowSamples: number, stepSamples: number): number[] {
  const total = pieces.reduce((sum, piece) => sum + piece.energies.length, 0);
  const running = new Float64Array(total + 1);
  let index = 0;
  for (const piece of pieces) for (const energy of piece.energies) running[index + 1] = running[index++]! + energy;
  const cumulative = (sample: number): number => {
    const frame = Math.min(total, Math.floor(sample / frameSamples));
    if (frame >= total) return running[total]!;
    return running[frame]! + ((running[frame + 1]! - running[frame]!) * (sample - frame * frameSamples)) / frameSamples;
  };
  const squares: number[] = [];
  for (let start = 0; start + windowSamples <= total * frameSamples; start += stepSamples) {
    squares.push((cumulative(start + windowSamples) - cumulative(start)) / windowSamples);
  }
  return squares;
}

/** Gated integrated loudness (BS.1770-4) and loudness range (EBU Tech 3342) of pieces played back to back. */
export function combineLoudness(pieces: FrameEnergies[], sampleRate: number, frameSamples: number): CombinedLoudness {
  const blocks = windowMeanSquares(pieces, frameSamples, Math.round(0.4 * sampleRate), Math.round(0.1 * sampleRate));
  const loud = blocks.filter((square) => square > 0 && lufs(square) > ABSOLUTE_GATE_LUFS);
  let integratedLufs = Number.NEGATIVE_INFINITY;
  if (loud.length > 0) {
    const relativeGate = lufs(mean(loud)) - 10;
    const gated = loud.filter((square) => lufs(square) > relativeGate);
    if (gated.length > 0) integratedLufs = lufs(mean(gated));
  }
  const shortTerm = windowMeanSquares(pieces, frameSamples, 3 * sampleRate, Math.round(0.1 * sampleRate))
    .filter((square) => square > 0 && lufs(square) > ABSOLUTE_GATE_LUFS);
  let loudnessRangeLu = 0;
  if (shortTerm.length > 0) {
    const relativeGate = lufs(mean(shortTerm)) - 20;
    const levels = shortTerm.map(lufs).filter((level) => level > relativeGate).sort((a, b) => a - b);
    if (levels.length > 0) loudnessRangeLu = percentile(levels, 0.95) - percentile(levels, 0.1);
  }
  return { integratedLufs, loudnessRangeLu };
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.round(fraction * (sorted.length - 1)))]!;
}

/** Energies travel in the piece's JSON info as base64 of 32-bit floats (4 bytes a frame). */
export function encodeEnergies(energies: Float64Array): string {
  return Buffer.from(Float32Array.from(energies).buffer).toString('base64');
}

export function decodeEnergies(text: string): Float64Array {
  // Copied: a decoded Buffer may sit at an offset a Float32Array cannot start at.
  const bytes = Uint8Array.from(Buffer.from(text, 'base64'));
  const floats = new Float32Array(bytes.buffer, 0, Math.floor(bytes.byteLength / 4));
  return Float64Array.from(floats);
}
