import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { forEachMp3Frame } from './mp3-frames.js';

/**
 * Lossless gain for Layer III MP3 (the technique of mp3gain): every granule's
 * 8-bit `global_gain` sets its quantiser step, and one step more scales the
 * decoded signal by exactly 2^(1/4), +1.505 dB. The speaker rendition is the
 * podcast piece raised this way: no second encode, the same frames and
 * offsets, and its loudness and true peak follow from the piece's exactly.
 */
export const GAIN_STEP_DB = 5 * Math.log10(2);

/** Energy (mean square) factor of `steps` gain steps. */
export function gainStepEnergyFactor(steps: number): number {
  return 2 ** (steps / 2);
}

/**
 * A copy of `bytes` with every granule raised by `steps` (granules already at the top stay there; counted),
 * or each frame's granules by `steps(frame index)`.
 */
export function raiseMp3Gain(bytes: Uint8Array, steps: number | ((frame: number) => number)): { bytes: Buffer; clipped: number } {
  const out = Buffer.from(bytes);
  const stepsOf = typeof steps === 'number' ? () => steps : steps;
  let clipped = 0;
  let index = 0;
  forEachMp3Frame(out, (frame) => {
    const raise = stepsOf(index);
    index += 1;
    if (raise === 0) return;
    if (frame.crc) {
      // Our encoder writes no CRC; editing a protected frame would need it recomputed.
      throw new BriefcastError(ErrorCodes.INTERNAL, 'cannot change the gain of a CRC-protected MP3 frame');
    }
    const sideInfo = (frame.offset + 4) * 8;
    for (const bit of globalGainBits(frame.version, frame.channels)) {
      const at = sideInfo + bit;
      const value = readBits(out, at, 8);
      const raised = Math.min(255, value + raise);
      if (raised !== value + raise) clipped += 1;
      writeBits(out, at, 8, raised);
    }
  });
  return { bytes: out, clipped };
}

/**
 * Bit offsets of each granule's global_gain inside the side information
 * (ISO/IEC 11172-3 2.4.1.7; 13818-3 for the half-rate versions): after
 * main_data_begin, private bits and scfsi, each granule and channel holds
 * part2_3_length (12) and big_values (9), then global_gain.
 */
function globalGainBits(version: 1 | 2 | 25, channels: 1 | 2): number[] {
  const bits: number[] = [];
  if (version === 1) {
    const start = 9 + (channels === 1 ? 5 : 3) + 4 * channels;
    for (let granule = 0; granule < 2; granule += 1) {
      for (let channel = 0; channel < channels; channel += 1) bits.push(start + (granule * channels + channel) * 59 + 21);
    }
  } else {
    const start = 8 + (channels === 1 ? 1 : 2);
    for (let channel = 0; channel < channels; channel += 1) bits.push(start + channel * 63 + 21);
  }
  return bits;
}

function readBits(bytes: Uint8Array, bit: number, count: number): number {
  let value = 0;
  for (let i = 0; i < count; i += 1) {
    const at = bit + i;
    value = (value << 1) | ((bytes[at >> 3]! >> (7 - (at & 7))) & 1);
  }
  return value;
}

function writeBits(bytes: Uint8Array, bit: number, count: number, value: number): void {
  for (let i = 0; i < count; i += 1) {
    const at = bit + i;
    const mask = 1 << (7 - (at & 7));
    if ((value >> (count - 1 - i)) & 1) bytes[at >> 3] = bytes[at >> 3]! | mask;
    else bytes[at >> 3] = bytes[at >> 3]! & ~mask;
  }
}
