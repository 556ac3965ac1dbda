import { describe, expect, it } from 'vitest';
import { parseFeed } from 'podcast-partytime';
import { showConfigSchema } from '../../src/config/show-config.js';
import { buildListenerFeed, listenerPodcastGuid } from '../../src/listeners/listener-feed.js';
import type { ListenerEpisode } from '../../src/listeners/listener-episode.js';
import { listenerSchema } from '../../src/listeners/listener.js';
import { zonedWallClock } from '../../src/feed/publish-time.js';

const show = showConfigSchema.parse({ id: 'morning', title: 'Morning', description: 'd', author: 'a', language: 'en', category: 'News' });
const listener = listenerSchema.parse({ id: 'l-0123456789abcdef', showId: 'morning', tokenHash: 'a'.repeat(64), createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z', name: 'Ana', timeZone: 'Asia/Tokyo', deliverAt: '07:00' });
const episode = (day: string, availableAt: string): ListenerEpisode => ({
  version: 1, showId: 'morning', listenerId: listener.id, day, showEpisodeId: `ep-${day}`, title: `Morning ${day}`, album: 'Morning', artist: 'a',
  createdAt: `${day}T00:00:00.000Z`, availableAt, pieces: [{ key: 'k', bytes: 1000 }], parts: [], chapters: [],
  headerBytes: 100, totalBytes: 1100, durationSeconds: 60, etag: '"x"',
});

describe("a listener's feed follows their delivery time and time zone", () => {
  it('lists an episode only from the listener\'s local delivery time on', () => {
    const tokyoSeven = zonedWallClock('2026-12-02', '07:00', 'Asia/Tokyo');
    expect(tokyoSeven.toISOString()).toBe('2026-12-01T22:00:00.000Z');
    const episodes = [episode('2026-12-02', tokyoSeven.toISOString()), episode('2026-12-01', '2026-11-30T22:00:00.000Z')];
    const options = { publicUrl: 'https://b.example.com', token: 'T'.repeat(43), items: 10 };
    const before = parseFeed(buildListenerFeed(show, listener, episodes, { ...options, now: new Date('2026-12-01T21:59:00Z') }))!;
    expect(before.items.map((item) => item.title)).toEqual(['Morning 2026-12-01']);
    const after = parseFeed(buildListenerFeed(show, listener, episodes, { ...options, now: new Date('2026-12-01T22:00:00Z') }))!;
    expect(after.items.map((item) => item.title)).toEqual(['Morning 2026-12-02', 'Morning 2026-12-01']);
    expect(after.guid).toBe(listenerPodcastGuid(listener));
    expect(after.title).toBe('Morning for Ana');
  });
});
