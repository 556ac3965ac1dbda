import { BriefcastError, ErrorCodes } from '../core/errors.js';

/** Every storage key is built here, so the layout lives in one place and ids cannot escape their show. */
const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function assertSafeKeyPart(part: string, what: string): string {
  if (!SAFE_SEGMENT.test(part) || part.includes('..')) {
    throw new BriefcastError(ErrorCodes.CONFIG_INVALID, `invalid ${what} "${part}": use letters, digits, dot, dash, underscore`, {
      subject: what,
    });
  }
  return part;
}

/** Validates a whole key: relative, no empty, "." or ".." parts, no backslashes. */
export function assertSafeKey(key: string): string {
  if (key.length === 0 || key.startsWith('/') || key.includes('\\') || key.includes('\0')) {
    throw new BriefcastError(ErrorCodes.STORAGE_FAILED, `unsafe storage key "${key}"`, { subject: key });
  }
  for (const part of key.split('/')) {
    if (part === '' || part === '.' || part === '..') {
      throw new BriefcastError(ErrorCodes.STORAGE_FAILED, `unsafe storage key "${key}"`, { subject: key });
    }
  }
  return key;
}

export const publicKeys = {
  showPrefix: (showId: string) => `shows/${assertSafeKeyPart(showId, 'show id')}/`,
  feed: (showId: string) => `shows/${assertSafeKeyPart(showId, 'show id')}/feed.xml`,
  artwork: (showId: string, extension: string) => `shows/${assertSafeKeyPart(showId, 'show id')}/artwork.${extension}`,
  episodePrefix: (showId: string, episodeId: string) =>
    `shows/${assertSafeKeyPart(showId, 'show id')}/episodes/${assertSafeKeyPart(episodeId, 'episode id')}/`,
  episodeFile: (showId: string, episodeId: string, file: string) =>
    `${publicKeys.episodePrefix(showId, episodeId)}${assertSafeKeyPart(file, 'file name')}`,
};

/** Working data that listeners never fetch: inputs, scripts, records, the segment cache. */
export const workKeys = {
  show: (showId: string) => `shows/${assertSafeKeyPart(showId, 'show id')}/show.json`,
  episodesPrefix: (showId: string) => `shows/${assertSafeKeyPart(showId, 'show id')}/episodes/`,
  episodePrefix: (showId: string, episodeId: string) =>
    `${workKeys.episodesPrefix(showId)}${assertSafeKeyPart(episodeId, 'episode id')}/`,
  episode: (showId: string, episodeId: string) => `${workKeys.episodePrefix(showId, episodeId)}episode.json`,
  articles: (showId: string, episodeId: string) => `${workKeys.episodePrefix(showId, episodeId)}articles.json`,
  script: (showId: string, episodeId: string) => `${workKeys.episodePrefix(showId, episodeId)}script.json`,
  segmentAudio: (cacheKey: string) => `cache/segments/${assertSafeKeyPart(cacheKey, 'cache key')}.mp3`,
  segmentInfo: (cacheKey: string) => `cache/segments/${assertSafeKeyPart(cacheKey, 'cache key')}.json`,
};
