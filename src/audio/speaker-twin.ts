import { rm, writeFile } from 'node:fs/promises';
import { SAMPLES_PER_MP3_FRAME, type EncodeSettings } from './encode-settings.js';
import { countMp3Frames } from './mp3-frames.js';
import { GAIN_STEP_DB, raiseMp3Gain } from './mp3-gain.js';
import { analyseSampleFile, type PieceAnalysis } from './sample-analysis.js';
import { speakerTarget, TWIN_GAIN_STEPS } from './speaker-rendition.js';
import { FramesOverLevelMeter } from './true-peak.js';

/**
 * The speaker twin of a piece whose MP3 encode overshot a few peaks past the
 * headroom the twin's gain step needs (long pieces, mostly: more syllables,
 * more chances). Rendering the piece again with a lower limiter ceiling rarely
 * helped: the harder limiting made the encode overshoot more. Instead the twin
 * leaves the gain of the frames around those peaks as it is: a 1.5 dB gain ride
 * over a tenth of a second on the loudest syllables, smoothed by the decoder's
 * overlapping windows. The twin is decoded and measured, so its true peak and
 * loudness are known, not assumed.
 */

/** The highest true peak a twin may have: the speaker limit, with the margin for other meters. */
export const TWIN_PEAK_LIMIT_DBTP = speakerTarget.truePeakDbtp - speakerTarget.peakMarginDb;

/** Frames left alone on each side of an overshooting one, tried in turn (the decoder's output lags the frames by about one). */
const RIDE_RADII = [2, 4, 8];

/** The 4x grid of the scan reads up to about 0.1 dB low; frames this close under the level count too. */
const SCAN_MARGIN_DB = 0.2;

export interface RiddenTwin {
  bytes: Buffer;
  analysis: PieceAnalysis;
  /** Frames left at the podcast piece's gain. */
  riddenFrames: number;
}

/** Whether the piece's true peak leaves room for the twin's gain step on every frame. */
export function twinFitsEverywhere(truePeakDbtp: number | null): boolean {
  return truePeakDbtp === null || truePeakDbtp + TWIN_GAIN_STEPS * GAIN_STEP_DB <= speakerTarget.truePeakDbtp;
}

export interface TwinFiles {
  /** The podcast piece's MP3 bytes, and the piece decoded to raw floats at the piece format (as it was measured). */
  bytes: Buffer;
  decoded: string;
  /** Where the twin is written. */
  speaker: string;
  /** Decodes an MP3 to raw floats at the piece format (one ffmpeg process). */
  decode: (mp3: string, raw: string) => Promise<void>;
}

/** The ridden twin, written to `files.speaker`; undefined when even the widest ride left it over the limit. */
export async function riddenSpeakerTwin(files: TwinFiles, settings: EncodeSettings): Promise<RiddenTwin | undefined> {
  const hot = await framesOverTwinHeadroom(files.decoded, settings);
  const frames = countMp3Frames(files.bytes);
  for (const radius of RIDE_RADII) {
    const ridden = riddenFrames(hot, radius, frames);
    const { bytes } = raiseMp3Gain(files.bytes, (frame) => (ridden.has(frame) ? 0 : TWIN_GAIN_STEPS));
    await writeFile(files.speaker, bytes);
    const analysis = await decodedAnalysis(files.speaker, files.decode, settings);
    if (analysis.truePeakDbtp === null || analysis.truePeakDbtp <= TWIN_PEAK_LIMIT_DBTP) return { bytes, analysis, riddenFrames: ridden.size };
  }
  return undefined;
}

/** Frames of the decoded podcast piece whose true peak, raised by the twin's gain, would pass the limit. */
async function framesOverTwinHeadroom(decoded: string, settings: EncodeSettings): Promise<number[]> {
  const level = 10 ** ((TWIN_PEAK_LIMIT_DBTP - TWIN_GAIN_STEPS * GAIN_STEP_DB - SCAN_MARGIN_DB) / 20);
  const meters = Array.from({ length: settings.channels }, () => new FramesOverLevelMeter(level, SAMPLES_PER_MP3_FRAME));
  const scan = { push: (samples: Float32Array) => meters.forEach((meter, channel) => meter.push(samples, channel, settings.channels)) };
  await analyseSampleFile(decoded, settings.channels, settings.sampleRate, SAMPLES_PER_MP3_FRAME, 'sample', scan);
  return [...new Set(meters.flatMap((meter) => meter.frames))];
}

async function decodedAnalysis(mp3: string, decode: TwinFiles['decode'], settings: EncodeSettings): Promise<PieceAnalysis> {
  const raw = `${mp3}.f32`;
  try {
    await decode(mp3, raw);
    return await analyseSampleFile(raw, settings.channels, settings.sampleRate, SAMPLES_PER_MP3_FRAME);
  } finally {
    await rm(raw, { force: true });
  }
}

function riddenFrames(hot: number[], radius: number, frames: number): Set<number> {
  const ridden = new Set<number>();
  for (const frame of hot) {
    for (let at = Math.max(0, frame - radius); at <= Math.min(frames - 1, frame + radius); at += 1) ridden.add(at);
  }
  return ridden;
}
