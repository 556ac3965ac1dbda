import type { EncodeSettings, FfmpegTools, LoudnessMeasurement } from './ffmpeg.js';

/**
 * Smart speakers play briefings back to back with music and the assistant's
 * own voice, so Alexa asks for louder audio than podcasts (-14 LUFS integrated,
 * true peak at or below -2 dBFS) and for 10 seconds to 10 minutes of it. The
 * speaker rendition is made from the finished podcast MP3: measured gain plus
 * true-peak limiting, then measured again, since limiting dense synthetic
 * speech costs loudness that only a second look can see.
 */
/** Part of the rendition's file name: bump when the processing changes, since published audio is cached as immutable. */
export const SPEAKER_RENDITION_VERSION = 's1';

export const speakerTarget = {
  integratedLufs: -14,
  truePeakDbtp: -2,
  /** Accepted distance from the loudness target before another pass is tried ("around -14 LUFS"; each pass is a full encode). */
  toleranceLu: 1,
  /** Kept between the limiter ceiling and the true-peak limit: MP3 decoding overshoots the limited waveform. */
  peakMarginDb: 0.3,
  minSeconds: 10,
  maxSeconds: 600,
  maxPasses: 4,
} as const;

export interface SpeakerRendition {
  loudness: LoudnessMeasurement;
  passes: Array<{ gainDb: number; ceilingDb: number; loudness: LoudnessMeasurement }>;
}

/** Why an episode gets no speaker rendition, or undefined when it can have one. */
export function speakerRenditionRefusal(durationSeconds: number): string | undefined {
  if (durationSeconds < speakerTarget.minSeconds) return `shorter than ${speakerTarget.minSeconds} s`;
  if (durationSeconds > speakerTarget.maxSeconds) return `longer than ${speakerTarget.maxSeconds / 60} minutes`;
  return undefined;
}

export async function renderSpeakerRendition(
  ffmpeg: FfmpegTools,
  input: string,
  output: string,
  settings: EncodeSettings,
  podcast: LoudnessMeasurement,
): Promise<SpeakerRendition> {
  const target = speakerTarget;
  const passes: SpeakerRendition['passes'] = [];
  // Limiting takes back about half of any gain on speech mastered for podcasts, so the first pass asks for
  // twice the difference; lowering the level needs no limiting and is taken as it is.
  const difference = target.integratedLufs - podcast.integratedLufs;
  let gainDb = difference > 0 ? Math.min(12, 2 * difference) : difference;
  // Start 1.5 dB under the limit: MP3 encoding overshoots a heavily limited waveform by up to about that.
  let ceilingDb = target.truePeakDbtp - 1.5;
  for (let pass = 0; pass < target.maxPasses; pass += 1) {
    await ffmpeg.gainAndLimit(input, output, settings, { gainDb, ceilingDb });
    const loudness = await ffmpeg.measureLoudness(output);
    passes.push({ gainDb, ceilingDb, loudness });
    const peakOk = loudness.truePeakDbtp <= target.truePeakDbtp - target.peakMarginDb;
    const loudnessOk = Math.abs(loudness.integratedLufs - target.integratedLufs) <= target.toleranceLu;
    if (peakOk && loudnessOk) return { loudness, passes };
    if (!peakOk) ceilingDb -= loudness.truePeakDbtp - (target.truePeakDbtp - target.peakMarginDb) + 0.1;
    if (!loudnessOk) gainDb = nextGain(passes, target.integratedLufs);
  }
  // No pass landed inside both limits: keep the closest one that respects the peak limit.
  const best = passes
    .filter((pass) => pass.loudness.truePeakDbtp <= target.truePeakDbtp)
    .sort((a, b) => Math.abs(a.loudness.integratedLufs - target.integratedLufs) - Math.abs(b.loudness.integratedLufs - target.integratedLufs))[0];
  const last = passes[passes.length - 1]!;
  if (best && best !== last) {
    await ffmpeg.gainAndLimit(input, output, settings, { gainDb: best.gainDb, ceilingDb: best.ceilingDb });
    return { loudness: await ffmpeg.measureLoudness(output), passes };
  }
  return { loudness: last.loudness, passes };
}

/**
 * Loudness rises less than the gain once the limiter works (about half as fast
 * on eSpeak speech), so the next gain follows the slope seen between the last
 * two passes (secant step), assuming 0.5 after the first.
 */
function nextGain(passes: SpeakerRendition['passes'], targetLufs: number): number {
  const last = passes[passes.length - 1]!;
  const previous = passes[passes.length - 2];
  let slope = 0.5;
  if (previous && last.gainDb !== previous.gainDb) {
    slope = (last.loudness.integratedLufs - previous.loudness.integratedLufs) / (last.gainDb - previous.gainDb);
  }
  slope = Math.min(1, Math.max(0.2, slope));
  const step = (targetLufs - last.loudness.integratedLufs) / slope;
  return last.gainDb + Math.max(-6, Math.min(6, step));
}
