import type { EncodeSettings } from './encode-settings.js';
import type { MasterPass } from './mastering-passes.js';

/**
 * The filter chains that master speech, as ffmpeg filter strings. A piece is
 * mastered in two steps (see piece-masterer.ts): the compressor first, whose
 * output is measured, then gain to the target, limiter and edge fades.
 */

/** Evens out the sharp peaks of synthetic speech before gain, so the limiter rarely has to act. */
export const COMPRESSOR = 'acompressor=threshold=-24dB:ratio=4:attack=5:release=100:makeup=2';

/** Edge fades, long enough to stop a click where pieces butt together, too short to hear. */
const EDGE_FADE_SECONDS = 0.008;

/**
 * Gain, a lookahead peak limiter, then a fade at each edge of a piece
 * `seconds` long. The limiter runs at the piece's own rate: running it at four
 * times the rate cost a quarter more CPU and left the same true peak after
 * MP3 encoding (its overshoot dominates; the passes measure and correct it).
 */
export function masteringChain(pass: MasterPass, seconds: number, settings: EncodeSettings): string {
  // alimiter's limit is linear, from 0.0625 (-24 dBFS) to 1; level=0: no automatic make-up gain.
  const limit = Math.min(1, Math.max(0.0625, 10 ** (pass.ceilingDb / 20)));
  const fadeOutStart = Math.max(0, seconds - EDGE_FADE_SECONDS);
  return [
    `volume=${pass.gainDb.toFixed(2)}dB`,
    `alimiter=limit=${limit.toFixed(4)}:level=0:attack=1:release=10`,
    `afade=t=in:d=${EDGE_FADE_SECONDS}`,
    `afade=t=out:st=${fadeOutStart.toFixed(6)}:d=${EDGE_FADE_SECONDS}`,
  ].join(',');
}

export function channelLayout(settings: EncodeSettings): string {
  return settings.channels === 1 ? 'mono' : 'stereo';
}

/** Resampling and sample format every input is brought to before it is joined. */
export function pieceFormat(settings: EncodeSettings): string {
  return `aresample=${settings.sampleRate},aformat=sample_fmts=fltp:channel_layouts=${channelLayout(settings)}`;
}
