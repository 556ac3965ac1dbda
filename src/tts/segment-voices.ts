import { contentHash } from '../core/hash.js';
import type { ScriptSegment } from '../core/types.js';
import type { ShowConfig, VoiceConfig } from '../config/show-config.js';

/**
 * Which voice reads which segment. The anchor reads the intro, transitions and
 * outro; story voices read the stories; an optional quotes voice reads
 * quotations inside stories; the fallback chain takes over when a provider is down.
 */
export interface VoiceChoice {
  provider: string;
  voice: string;
  speed: number;
  model?: string;
  options?: Record<string, unknown>;
}

export interface SegmentVoices {
  primary: VoiceChoice;
  quotes?: VoiceChoice;
  fallback: VoiceChoice[];
}

export function voiceChoice(config: VoiceConfig): VoiceChoice {
  return {
    provider: config.provider,
    voice: config.name,
    speed: config.speed,
    ...(config.model ? { model: config.model } : {}),
    ...(config.options && Object.keys(config.options).length > 0 ? { options: config.options } : {}),
  };
}

export function selectSegmentVoices(show: ShowConfig, segment: ScriptSegment): SegmentVoices {
  const voices = show.voices;
  const anchor = voices?.anchor ?? show.voice;
  const stories = voices?.stories ?? [];
  // A story keeps its voice whatever its position, so its cached audio is reused by every episode that tells it.
  const base = segment.kind === 'story' && stories.length > 0 ? stories[pick(segment.id, stories.length)]! : anchor;
  const primary = voiceChoice(base);
  // The script's own override names a voice of the chosen provider (the script does not know providers).
  if (segment.voice) primary.voice = segment.voice;
  const quotes = segment.kind === 'story' && voices?.quotes ? voiceChoice(voices.quotes) : undefined;
  return { primary, ...(quotes ? { quotes } : {}), fallback: (voices?.fallback ?? []).map(voiceChoice) };
}

function pick(id: string, count: number): number {
  return Number.parseInt(contentHash(id, 8), 16) % count;
}
