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

const SHOWS = 'shows/';
const SHOW_RECORD = /^shows\/([^/]+)\/show\.json$/;

export const publicKeys = {
  showPrefix: (showId: string) => `${SHOWS}${assertSafeKeyPart(showId, 'show id')}/`,
  feed: (showId: string) => `${publicKeys.showPrefix(showId)}feed.xml`,
  flashFeed: (showId: string) => `${publicKeys.showPrefix(showId)}alexa.json`,
  /** Content-addressed, so it can be cached forever: `artwork-<hash>.<extension>`. */
  artwork: (showId: string, hash: string, extension: 'png' | 'jpg') => `${publicKeys.showPrefix(showId)}${assertSafeKeyPart(`artwork-${hash}.${extension}`, 'artwork name')}`,
  /** A public path below `shows/` as a URL names it (`/shows/<rest>`), validated whole. */
  underShows: (rest: string) => assertSafeKey(`${SHOWS}${rest}`),
  episodePrefix: (showId: string, episodeId: string) =>
    `shows/${assertSafeKeyPart(showId, 'show id')}/episodes/${assertSafeKeyPart(episodeId, 'episode id')}/`,
  episodeFile: (showId: string, episodeId: string, file: string) =>
    `${publicKeys.episodePrefix(showId, episodeId)}${assertSafeKeyPart(file, 'file name')}`,
};

/** Working data that listeners never fetch: inputs, scripts, records, the segment cache. */
export const workKeys = {
  /** Lists every show's files; `showIdOf` picks the show records out of such a listing. */
  showsPrefix: SHOWS,
  showPrefix: (showId: string) => `${SHOWS}${assertSafeKeyPart(showId, 'show id')}/`,
  show: (showId: string) => `${workKeys.showPrefix(showId)}show.json`,
  /** The show id when `key` is a show record, otherwise null. */
  showIdOf: (key: string): string | null => SHOW_RECORD.exec(key)?.[1] ?? null,
  showAssets: (showId: string) => `${workKeys.showPrefix(showId)}assets.json`,
  usedStories: (showId: string) => `${workKeys.showPrefix(showId)}used-stories.json`,
  unpublishedPrefix: (showId: string) => `${workKeys.showPrefix(showId)}unpublished/`,
  unpublished: (showId: string, episodeId: string) => `${workKeys.unpublishedPrefix(showId)}${assertSafeKeyPart(episodeId, 'episode id')}.json`,
  webhookDeliveriesPrefix: (showId: string) => `${workKeys.showPrefix(showId)}webhooks/`,
  webhookDelivery: (showId: string, deliveryId: string) => `${workKeys.webhookDeliveriesPrefix(showId)}${assertSafeKeyPart(deliveryId, 'delivery id')}.json`,
  episodesPrefix: (showId: string) => `${workKeys.showPrefix(showId)}episodes/`,
  episodePrefix: (showId: string, episodeId: string) =>
    `${workKeys.episodesPrefix(showId)}${assertSafeKeyPart(episodeId, 'episode id')}/`,
  episode: (showId: string, episodeId: string) => `${workKeys.episodePrefix(showId, episodeId)}episode.json`,
  articles: (showId: string, episodeId: string) => `${workKeys.episodePrefix(showId, episodeId)}articles.json`,
  script: (showId: string, episodeId: string) => `${workKeys.episodePrefix(showId, episodeId)}script.json`,
  segmentAudio: (cacheKey: string) => `cache/segments/${assertSafeKeyPart(cacheKey, 'cache key')}.mp3`,
  segmentInfo: (cacheKey: string) => `cache/segments/${assertSafeKeyPart(cacheKey, 'cache key')}.json`,
};
