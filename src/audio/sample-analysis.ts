import { createReadStream } from 'node:fs';
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
export async function analyseSampleFile(path: string, channels: number, sampleRate: number, frameSamples: number, peakKind: 'true' | 'sample' = 'true'): Promise<PieceAnalysis> {
  const energy = Array.from({ length: channels }, () => new FrameEnergyMeter(sampleRate, frameSamples));
  const peak = Array.from({ length: channels }, () => (peakKind === 'true' ? new TruePeakMeter() : new SamplePeakMeter()));
  // A chunk holds whole sample frames, so every channel sees its samples in order.
  const frameBytes = 4 * channels;
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const usable = bytes.length - (bytes.length % frameBytes);
    // Copied into an aligned array: a Buffer from the stream may start at any byte offset.
    const samples = new Float32Array(usable / 4);
    new Uint8Array(samples.buffer).set(bytes.subarray(0, usable));
    for (let channel = 0; channel < channels; channel += 1) {
      energy[channel]!.push(samples, channel, channels);
      peak[channel]!.push(samples, channel, channels);
    }
    carry = Buffer.from(bytes.subarray(usable));
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
