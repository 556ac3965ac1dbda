import type { EpisodeChapter } from '../core/episode.js';
import { absoluteUrl } from './urls.js';

/**
 * Podcasting 2.0 JSON chapters (spec version 1.2.0, written as the spec's examples write it). Start times are rounded to
 * the millisecond exactly as the ID3 CHAP frames are (ffmetadata TIMEBASE
 * 1/1000), so both chapter lists agree to the millisecond.
 */
export interface JsonChapter {
  startTime: number;
  endTime?: number;
  title?: string;
  url?: string;
  img?: string;
}

export interface JsonChapters {
  version: '1.2.0';
  title?: string;
  podcastName?: string;
  chapters: JsonChapter[];
}

export const JSON_CHAPTERS_TYPE = 'application/json+chapters';

export function toMilliseconds(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

export function buildJsonChapters(chapters: EpisodeChapter[], meta: { title: string; podcastName: string }): JsonChapters {
  const ordered = [...chapters].sort((a, b) => a.startSeconds - b.startSeconds);
  return {
    version: '1.2.0',
    title: meta.title,
    podcastName: meta.podcastName,
    chapters: ordered.map((chapter) => {
      const url = absoluteUrl(chapter.url);
      return {
        startTime: toMilliseconds(chapter.startSeconds),
        endTime: toMilliseconds(chapter.endSeconds),
        title: chapter.title,
        ...(url ? { url } : {}),
      };
    }),
  };
}
