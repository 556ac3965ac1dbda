import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LimiterEnvelopeMeter } from '../../src/audio/limiter-estimate.js';
import { measureOffThread } from '../../src/audio/measure-off-thread.js';
import { analyseSampleFile } from '../../src/audio/sample-analysis.js';
import { closeOffThreadPool } from '../../src/offthread/pool.js';

/** The masterer measures on the pool's threads: the figures must be the very ones the main thread computes. */
let dir: string;
let raw: string;
const rate = 44_100;
const frames = rate * 7 + 321;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefcast-measure-'));
  raw = join(dir, 'piece.f32');
  // A tone with a little pseudo-random noise, loud enough for inter-sample peaks, not a whole number of MP3 frames.
  const samples = new Float32Array(frames);
  let seed = 7;
  for (let i = 0; i < frames; i += 1) {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    samples[i] = 0.7 * Math.sin((2 * Math.PI * 3_000 * i) / rate + 0.3) + 0.05 * (seed / 0x7fffffff - 0.5);
  }
  await writeFile(raw, Buffer.from(samples.buffer));
});
afterAll(async () => {
  await closeOffThreadPool();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('measuring a piece on a worker-pool thread', () => {
  it("gives the main thread's energies, true peak and limiter envelope exactly", async () => {
    const meter = new LimiterEnvelopeMeter(1, frames);
    const local = await analyseSampleFile(raw, 1, rate, 1152, 'sample', meter);
    const offThread = await measureOffThread({ path: raw, channels: 1, sampleRate: rate, frameSamples: 1152, peakKind: 'sample', envelopeFrames: frames });
    expect(Array.from(offThread.analysis.energies)).toEqual(Array.from(local.energies));
    expect(offThread.analysis.truePeakDbtp).toBe(local.truePeakDbtp);
    const envelope = meter.finish();
    expect(Array.from(offThread.envelope!.peaks)).toEqual(Array.from(envelope.peaks));
    expect(Array.from(offThread.envelope!.energies)).toEqual(Array.from(envelope.energies));

    const truePeak = await measureOffThread({ path: raw, channels: 1, sampleRate: rate, frameSamples: 1152, peakKind: 'true' });
    expect(truePeak.analysis.truePeakDbtp).toBe((await analyseSampleFile(raw, 1, rate, 1152, 'true')).truePeakDbtp);
    expect(truePeak.envelope).toBeUndefined();
  });

  it('fails with a clear error for a file that is not there', async () => {
    await expect(measureOffThread({ path: join(dir, 'missing.f32'), channels: 1, sampleRate: rate, frameSamples: 1152, peakKind: 'true' })).rejects.toThrow(/missing\.f32|ENOENT|no such file/);
  });
});
