/** How pieces and episodes are encoded; one object enters every piece's cache key. */
export interface EncodeSettings {
  sampleRate: number;
  channels: 1 | 2;
  bitrateKbps: number;
  /** Integrated loudness target, LUFS. */
  targetLufs: number;
  /** True-peak ceiling for the limiter, dBTP. Kept below the feed target to leave room for MP3 overshoot. */
  truePeakDb: number;
}

/**
 * Podcast rendition: mono 44.1 kHz, 96 kbps CBR MP3, -16 LUFS. Segments are
 * mastered to this one format so any set of them joins without re-encoding.
 * Pieces keep their true peak under -2.5 dBTP, and are aimed under -3.8 dBTP,
 * the room the speaker twin's +1.5 dB gain step needs (speaker-rendition.ts,
 * speaker-twin.ts for the few peaks a long piece's encode overshoots).
 */
export const podcastEncoding: EncodeSettings = {
  sampleRate: 44_100,
  channels: 1,
  bitrateKbps: 96,
  targetLufs: -16,
  truePeakDb: -2.5,
};

/** MPEG-1 Layer III frames hold 1152 samples. */
export const SAMPLES_PER_MP3_FRAME = 1152;

/** Bump when the mastering chain changes, so cached pieces are rebuilt. */
export const MASTERING_VERSION = 'm7';

export function encodingFingerprint(settings: EncodeSettings): string {
  return `${MASTERING_VERSION}:${settings.sampleRate}:${settings.channels}:${settings.bitrateKbps}:${settings.targetLufs}:${settings.truePeakDb}`;
}

export function framesToSeconds(frames: number, settings: EncodeSettings): number {
  return (frames * SAMPLES_PER_MP3_FRAME) / settings.sampleRate;
}
