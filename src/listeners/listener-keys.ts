import { assertSafeKeyPart } from '../storage/keys.js';

/**
 * Work-storage layout of listeners: one folder per listener (settings and
 * daily episode records) and a token index by hash, so any API instance finds
 * a listener from the token alone.
 */
const show = (showId: string) => `listeners/${assertSafeKeyPart(showId, 'show id')}/`;

export const listenerKeys = {
  showPrefix: show,
  prefix: (showId: string, listenerId: string) => `${show(showId)}${assertSafeKeyPart(listenerId, 'listener id')}/`,
  listener: (showId: string, listenerId: string) => `${listenerKeys.prefix(showId, listenerId)}listener.json`,
  episodesPrefix: (showId: string, listenerId: string) => `${listenerKeys.prefix(showId, listenerId)}episodes/`,
  episode: (showId: string, listenerId: string, day: string) =>
    `${listenerKeys.episodesPrefix(showId, listenerId)}${assertSafeKeyPart(day, 'day')}.json`,
  token: (tokenHash: string) => `listener-tokens/${assertSafeKeyPart(tokenHash, 'token hash')}.json`,
  /** Materialised enclosures (for a CDN) live in publish storage under an unguessable name. */
  materialised: (showId: string, listenerId: string, file: string) =>
    `shows/${assertSafeKeyPart(showId, 'show id')}/listeners/${assertSafeKeyPart(listenerId, 'listener id')}/${assertSafeKeyPart(file, 'file name')}`,
};
