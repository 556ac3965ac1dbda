import type { EpisodeAudio } from '../core/episode.js';
import type { FeedWarning } from './feed-warnings.js';
import type { FlashItem } from './flash-briefing.js';

/**
 * Amazon's Flash Briefing feed reference, checked on the items about to be
 * published: HTTPS stream URLs, and audio as MP3 of about 256 kbps, 10 seconds
 * to 10 minutes, -19 to -9 LUFS (aim -14) with true peak at most -2 dBFS.
 * Warnings only: the embedded default serves plain http on loopback.
 */
export const ALEXA_AUDIO = {
  mimeType: 'audio/mpeg',
  bitrateKbps: 256,
  minSeconds: 10,
  maxSeconds: 600,
  minLufs: -19,
  maxLufs: -9,
  maxTruePeakDbtp: -2,
} as const;

/** `audioFor(streamUrl)` gives the measured rendition behind an item's stream URL, when known. */
export function flashBriefingWarnings(
  items: FlashItem[],
  redirection: string,
  audioFor: (streamUrl: string) => EpisodeAudio | undefined,
): FeedWarning[] {
  const warnings: FeedWarning[] = [];
  if (!redirection.startsWith('https://')) {
    warnings.push({ code: 'alexa-http-redirection', message: `Alexa links "Read more" to ${redirection}; Amazon asks for HTTPS (set BRIEFCAST_PUBLIC_URL or the show's link to an https URL)` });
  }
  for (const item of items) {
    if (!item.streamUrl) continue;
    const where = `Alexa item "${item.titleText}"`;
    if (!item.streamUrl.startsWith('https://')) {
      warnings.push({ code: 'alexa-http-stream', message: `${where}: stream URL is not HTTPS, which Amazon requires; Alexa will not play ${item.streamUrl}` });
    }
    const audio = audioFor(item.streamUrl);
    if (!audio) continue;
    warnings.push(...audioWarnings(where, audio));
  }
  return warnings;
}

function audioWarnings(where: string, audio: EpisodeAudio): FeedWarning[] {
  const warnings: FeedWarning[] = [];
  const add = (code: string, message: string) => warnings.push({ code, message: `${where}: ${message}` });
  if (audio.mimeType !== ALEXA_AUDIO.mimeType) add('alexa-audio-format', `audio is ${audio.mimeType}; Amazon asks for MP3`);
  const kbps = audio.durationSeconds > 0 ? Math.round((audio.bytes * 8) / audio.durationSeconds / 1000) : 0;
  // MP3 frame padding and tags move the measured rate a little; a whole step below (e.g. 192) is what matters.
  if (kbps < ALEXA_AUDIO.bitrateKbps * 0.9) add('alexa-audio-bitrate', `audio is about ${kbps} kbps; Amazon asks for ${ALEXA_AUDIO.bitrateKbps} kbps MP3`);
  if (audio.durationSeconds < ALEXA_AUDIO.minSeconds) add('alexa-audio-short', `audio lasts ${audio.durationSeconds.toFixed(1)} s; Amazon asks for at least ${ALEXA_AUDIO.minSeconds} s`);
  if (audio.durationSeconds > ALEXA_AUDIO.maxSeconds) add('alexa-audio-long', `audio lasts ${(audio.durationSeconds / 60).toFixed(1)} minutes; Amazon allows at most ${ALEXA_AUDIO.maxSeconds / 60}`);
  if (audio.integratedLufs < ALEXA_AUDIO.minLufs || audio.integratedLufs > ALEXA_AUDIO.maxLufs) {
    add('alexa-audio-loudness', `audio measures ${audio.integratedLufs.toFixed(1)} LUFS; Amazon asks for ${ALEXA_AUDIO.minLufs} to ${ALEXA_AUDIO.maxLufs} (aim -14)`);
  }
  if (audio.truePeakDbtp > ALEXA_AUDIO.maxTruePeakDbtp) add('alexa-audio-peak', `true peak is ${audio.truePeakDbtp.toFixed(1)} dBTP; Amazon allows at most ${ALEXA_AUDIO.maxTruePeakDbtp}`);
  return warnings;
}
