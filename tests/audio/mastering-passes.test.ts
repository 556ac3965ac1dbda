import { describe, expect, it } from 'vitest';
import { bestPass, passAccepted, type MeasuredPass, type PassTarget } from '../../src/audio/mastering-passes.js';

const target: PassTarget = { compressed: { integratedLufs: -23, truePeakDbtp: -7 }, integratedLufs: -16, truePeakDbtp: -3.8, peakLimitDbtp: -3.8, toleranceLu: 0.3, maxPasses: 3 };
const pass = (integratedLufs: number, truePeakDbtp: number): MeasuredPass => ({ gainDb: 9, ceilingDb: -5.5, seconds: 300, integratedLufs, truePeakDbtp });

describe('the pass a piece keeps', () => {
  it('is an accepted pass, else the closest in loudness under the peak limit', () => {
    expect(bestPass(target, [pass(-15.2, -3.5), pass(-16.1, -4.0), pass(-16.0, -4.2)])).toBe(1);
    expect(bestPass(target, [pass(-15.2, -4.5), pass(-16.6, -3.5), pass(-15.5, -4.1)])).toBe(2);
  });

  it('is the one with the lowest peak when every pass overshot the limit (a long piece)', () => {
    // Seen on a 5.6-minute piece: each lower ceiling raised the gain and the encoder's overshoot with it.
    expect(bestPass(target, [pass(-16.0, -3.49), pass(-16.0, -3.32), pass(-16.0, -3.02)])).toBe(0);
  });

  it('accepts a pass over the aim but under the limit: the speaker twin rides those peaks instead of a render again', () => {
    const podcastLimit = { ...target, peakLimitDbtp: -2.5 };
    expect(passAccepted(podcastLimit, pass(-16.0, -3.05))).toBe(true);
    expect(passAccepted(target, pass(-16.0, -3.05))).toBe(false);
    expect(passAccepted(podcastLimit, pass(-16.0, -2.4))).toBe(false);
    expect(bestPass(podcastLimit, [pass(-16.0, -3.05), pass(-16.0, -3.9)])).toBe(0);
  });
});
