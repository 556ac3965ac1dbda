import type { EpisodeRecord, EpisodeSegmentInfo } from '../core/episode.js';
import { buildCues } from '../feed/transcript-cues.js';
import { toWebVtt } from '../feed/transcript-formats.js';
import { buildJsonChapters, type JsonChapters } from '../feed/json-chapters.js';
import type { ListenerEpisode } from './listener-episode.js';

/**
 * A listener's transcript and JSON chapters, assembled per request from
 * their record (times) and the show episode's record (story texts).
 */
export function listenerSegments(episode: ListenerEpisode, showEpisode: EpisodeRecord): EpisodeSegmentInfo[] {
  const texts = new Map(showEpisode.segments.map((segment) => [segment.id, segment.text]));
  return episode.parts.map((part, index) => ({
    id: part.segmentId ?? `${part.kind}-${index}`,
    kind: part.kind === 'greeting' ? 'intro' : part.kind,
    ...(part.title ? { title: part.title } : {}),
    text: part.text ?? texts.get(part.segmentId ?? '') ?? '',
    provider: '',
    voice: '',
    cacheKey: '',
    cached: true,
    startSeconds: part.startSeconds,
    durationSeconds: part.durationSeconds,
  }));
}

export function listenerTranscript(episode: ListenerEpisode, showEpisode: EpisodeRecord): string {
  return toWebVtt(buildCues(listenerSegments(episode, showEpisode).filter((segment) => segment.text.trim())));
}

export function listenerChapters(episode: ListenerEpisode, podcastName: string): JsonChapters {
  return buildJsonChapters(episode.chapters, { title: episode.title, podcastName });
}
