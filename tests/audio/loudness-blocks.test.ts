import { describe, expect, it } from 'vitest';
import { combineLoudness, decodeEnergies, encodeEnergies, frameEnergies } from '../../src/audio/loudness-blocks.js';

const rate = 44_100;
const frame = 1152;

function sine(seconds: number, amplitude: number, hz = 997): Float32Array {
  const samples = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < samples.length; i++) samples[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / rate);
  return samples;
}

describe('loudness from per-frame energies', () => {
  it('reads a full-scale 997 Hz sine on one channel as -3.01 LUFS, as BS.1770 specifies', () => {
    const { integratedLufs } = combineLoudness([{ energies: frameEnergies(sine(10, 1), 1, rate, frame) }], rate, frame);
    expect(integratedLufs).toBeCloseTo(-3.01, 1);
  });

  it('gives the same figure for pieces laid end to end as for the whole, and gates silence out', () => {
    const whole = sine(20, 0.1);
    const cut = 300 * frame;
    const together = combineLoudness([{ energies: frameEnergies(whole, 1, rate, frame) }], rate, frame).integratedLufs;
    const pieces = [whole.subarray(0, cut), whole.subarray(cut)].map((part) => ({ energies: frameEnergies(part, 1, rate, frame) }));
    expect(Math.abs(combineLoudness(pieces, rate, frame).integratedLufs - together)).toBeLessThan(0.01);
    const withSilence = [pieces[0]!, { energies: new Float64Array(400) }, pieces[1]!];
    // Only the few 400 ms blocks that straddle the edges of the silence (still above the relative gate) move the figure.
    expect(Math.abs(combineLoudness(withSilence, rate, frame).integratedLufs - together)).toBeLessThan(0.1);
    // A quiet stretch 30 dB down is below the relative gate: it does not pull the figure down either.
    const quiet = { energies: frameEnergies(sine(20, 0.1 / 31.6), 1, rate, frame) };
    expect(Math.abs(combineLoudness([...pieces, quiet], rate, frame).integratedLufs - together)).toBeLessThan(0.05);
  });

  it('round-trips energies through the base64 text kept in the piece info', () => {
    const energies = frameEnergies(sine(2, 0.5), 1, rate, frame);
    const back = decodeEnergies(encodeEnergies(energies));
    expect(back.length).toBe(energies.length);
    back.forEach((value, index) => expect(value).toBeCloseTo(energies[index]!, 2));
  });
});
