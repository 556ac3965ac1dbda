import { open } from 'node:fs/promises';
import { FrameEnergyMeter, sumChannels } from './loudness-blocks.js';
import { peakToDbtp, TruePeakMeter } from './true-peak.js';

export interface PieceAnalysis {
  /** K-weighted energy per MP3 frame (see loudness-blocks.ts). */
  energies: Float64Array;
  /** Null for digital silence. */
  truePeakDbtp: number | null;
}

/**
 * Reads a raw 32-bit float file (interleaved, as ffmpeg's f32le muxer writes
 * it) in chunks and measures it: energy per frame for loudness and the true
 * peak (or only the sample peak, `peakKind` 'sample', which is far cheaper).
 * Chunks keep memory flat and give the event loop a turn between them.
 */
export async function analyseSampleFile(
  path: string,
  channels: number,
  sampleRate: number,
  frameSamples: number,
  peakKind: 'true' | 'sample' = 'true',
  /** Also fed every chunk (interleaved): the limiter's loudness estimate (limiter-estimate.ts), the speaker twin's peak scan (speaker-twin.ts). */
  envelope?: { push(samples: Float32Array): void },
): Promise<PieceAnalysis> {
  const energy = Array.from({ length: channels }, () => new FrameEnergyMeter(sampleRate, frameSamples));
  const peak = Array.from({ length: channels }, () => (peakKind === 'true' ? new TruePeakMeter() : new SamplePeakMeter()));
  // One aligned buffer, refilled in place: reading a long piece allocates nothing per chunk.
  const chunkBytes = (1 << 20) - ((1 << 20) % (4 * channels));
  const samples = new Float32Array(chunkBytes / 4);
  const bytes = new Uint8Array(samples.buffer);
  const file = await open(path, 'r');
  try {
    let filled = 0;
    for (;;) {
      const { bytesRead } = await file.read(bytes, filled, chunkBytes - filled, null);
      filled += bytesRead;
      const whole = filled - (filled % (4 * channels));
      if (whole > 0 && (bytesRead === 0 || filled === chunkBytes)) {
        const view = samples.subarray(0, whole / 4);
        for (let channel = 0; channel < channels; channel += 1) {
          energy[channel]!.push(view, channel, channels);
          peak[channel]!.push(view, channel, channels);
        }
        envelope?.push(view);
        // A partial sample frame at the end of a read waits for the rest.
        bytes.copyWithin(0, whole, filled);
        filled -= whole;
      }
      if (bytesRead === 0) break;
    }
  } finally {
    await file.close();
  }
  return {
    energies: sumChannels(energy.map((meter) => meter.finish())),
    truePeakDbtp: peakToDbtp(Math.max(0, ...peak.map((meter) => meter.peak))),
  };
}

/** The largest sample: enough where only an estimate of the peak is needed (before mastering). */
class SamplePeakMeter {
  peak = 0;

  push(samples: Float32Array, start = 0, stride = 1): void {
    let peak = this.peak;
    for (let i = start; i < samples.length; i += stride) {
      const magnitude = Math.abs(samples[i]!);
      if (magnitude > peak) peak = magnitude;
    }
    this.peak = peak;
  }
}
