import { randomBytes } from 'node:crypto';
import { BriefcastError, ErrorCodes, isBriefcastError } from '../core/errors.js';
import type { Storage } from '../storage/storage.js';
import { listenerKeys } from './listener-keys.js';
import { listenerInputSchema, listenerSchema, type Listener, type ListenerInput } from './listener.js';
import { listenerEpisodeSchema, type ListenerEpisode } from './listener-episode.js';
import { ServingCache } from './serving-cache.js';
import { hashToken, newListenerToken, sameHash, wellFormedToken } from './listener-token.js';

/** Listener settings from outside (API, CLI, the settings page): a one-line CONFIG_INVALID naming the field. */
function parseSettings(input: unknown) {
  const parsed = listenerInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || 'listener';
  throw new BriefcastError(ErrorCodes.CONFIG_INVALID, `${field}: ${issue.message}`, { subject: field });
}

interface TokenEntry {
  showId: string;
  listenerId: string;
  tokenHash: string;
}

/** Listeners, their token index and their daily episode records, in work storage (shared by every instance). */
export class ListenerStore {
  private readonly tokenEntries?: ServingCache<TokenEntry>;
  private readonly episodes?: ServingCache<ListenerEpisode>;

  /** `servingCacheMs` memoises token index entries and episode records (see serving-cache.ts); off by default. */
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
    servingCacheMs = 0,
  ) {
    if (servingCacheMs > 0) {
      this.tokenEntries = new ServingCache(servingCacheMs);
      this.episodes = new ServingCache(servingCacheMs);
    }
  }

  private async readJson(key: string): Promise<unknown | null> {
    try {
      return JSON.parse(Buffer.from(await this.storage.get(key)).toString('utf8'));
    } catch (error) {
      if (isBriefcastError(error, ErrorCodes.STORAGE_NOT_FOUND)) return null;
      throw error;
    }
  }

  private writeJson(key: string, value: unknown): Promise<void> {
    return this.storage.put(key, JSON.stringify(value), { contentType: 'application/json' });
  }

  /** Creates a listener; the token is returned once and never stored. */
  async add(showId: string, input: ListenerInput): Promise<{ listener: Listener; token: string }> {
    const settings = parseSettings(input);
    const token = newListenerToken();
    const at = this.now().toISOString();
    const listener = listenerSchema.parse({ ...settings, id: `l-${randomBytes(8).toString('hex')}`, showId, tokenHash: hashToken(token), createdAt: at, updatedAt: at });
    await this.writeJson(listenerKeys.token(listener.tokenHash), { showId, listenerId: listener.id, tokenHash: listener.tokenHash } satisfies TokenEntry);
    await this.writeJson(listenerKeys.listener(showId, listener.id), listener);
    return { listener, token };
  }

  async find(showId: string, listenerId: string): Promise<Listener | null> {
    const raw = await this.readJson(listenerKeys.listener(showId, listenerId));
    return raw ? listenerSchema.parse(raw) : null;
  }

  async get(showId: string, listenerId: string): Promise<Listener> {
    const listener = await this.find(showId, listenerId);
    if (!listener) throw new BriefcastError(ErrorCodes.LISTENER_NOT_FOUND, 'no such listener', { subject: `${showId}/${listenerId}` });
    return listener;
  }

  async list(showId: string): Promise<Listener[]> {
    const keys = (await this.storage.list(listenerKeys.showPrefix(showId))).filter((key) => /\/l-[a-f0-9]{16}\/listener\.json$/.test(key));
    const found = await Promise.all(keys.map((key) => this.readJson(key)));
    return found.filter((raw) => raw !== null).map((raw) => listenerSchema.parse(raw));
  }

  /**
   * The listener a feed token belongs to, or null for an unknown, revoked or
   * malformed one (the caller answers all three alike). The index is keyed by
   * the hash; the stored hash is compared in constant time and must still be
   * the listener's current one.
   */
  async byToken(token: string): Promise<Listener | null> {
    if (!wellFormedToken(token)) return null;
    const presented = hashToken(token);
    const read = async () => (await this.readJson(listenerKeys.token(presented))) as TokenEntry | null;
    const entry = this.tokenEntries ? await this.tokenEntries.get(presented, read) : await read();
    if (!entry || !sameHash(entry.tokenHash, presented)) return null;
    const listener = await this.find(entry.showId, entry.listenerId);
    if (!listener || !sameHash(listener.tokenHash, presented)) return null;
    return listener;
  }

  async update(showId: string, listenerId: string, change: Partial<ListenerInput>): Promise<Listener> {
    const current = await this.get(showId, listenerId);
    const { id, showId: _show, tokenHash, createdAt, updatedAt: _at, ...settings } = current;
    const next = parseSettings({ ...settings, ...change });
    const listener = listenerSchema.parse({ ...next, id, showId, tokenHash, createdAt, updatedAt: this.now().toISOString() });
    await this.writeJson(listenerKeys.listener(showId, listenerId), listener);
    return listener;
  }

  /** A new token; the old one answers 404 from now on. */
  async rotate(showId: string, listenerId: string): Promise<{ listener: Listener; token: string }> {
    const current = await this.get(showId, listenerId);
    const token = newListenerToken();
    const listener = { ...current, tokenHash: hashToken(token), updatedAt: this.now().toISOString() };
    await this.writeJson(listenerKeys.token(listener.tokenHash), { showId, listenerId, tokenHash: listener.tokenHash } satisfies TokenEntry);
    await this.writeJson(listenerKeys.listener(showId, listenerId), listener);
    await this.storage.delete(listenerKeys.token(current.tokenHash));
    return { listener, token };
  }

  /** Removes the token first (the feed stops answering), then the episode records and the listener. */
  async remove(showId: string, listenerId: string): Promise<void> {
    const current = await this.get(showId, listenerId);
    await this.storage.delete(listenerKeys.token(current.tokenHash));
    for (const key of await this.storage.list(listenerKeys.prefix(showId, listenerId))) await this.storage.delete(key);
  }

  async saveEpisode(episode: ListenerEpisode): Promise<void> {
    await this.writeJson(listenerKeys.episode(episode.showId, episode.listenerId, episode.day), episode);
  }

  async findEpisode(showId: string, listenerId: string, day: string): Promise<ListenerEpisode | null> {
    const key = listenerKeys.episode(showId, listenerId, day);
    const read = async () => {
      const raw = await this.readJson(key);
      return raw ? listenerEpisodeSchema.parse(raw) : null;
    };
    return this.episodes ? this.episodes.get(key, read) : read();
  }

  /** Days with a record, newest first. */
  async episodeDays(showId: string, listenerId: string): Promise<string[]> {
    const keys = await this.storage.list(listenerKeys.episodesPrefix(showId, listenerId));
    return keys.map((key) => key.slice(key.lastIndexOf('/') + 1).replace(/\.json$/, '')).sort().reverse();
  }

  async latestEpisodes(showId: string, listenerId: string, count: number): Promise<ListenerEpisode[]> {
    const days = (await this.episodeDays(showId, listenerId)).slice(0, count);
    const found = await Promise.all(days.map((day) => this.findEpisode(showId, listenerId, day)));
    return found.filter((episode): episode is ListenerEpisode => episode !== null);
  }

  /** Drops records beyond the feed's last `keep`; returns the days dropped. */
  async pruneEpisodes(showId: string, listenerId: string, keep: number): Promise<string[]> {
    const old = (await this.episodeDays(showId, listenerId)).slice(keep);
    for (const day of old) await this.storage.delete(listenerKeys.episode(showId, listenerId, day));
    return old;
  }
}
