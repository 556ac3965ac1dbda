import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from 'podcast-partytime';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { parseShowConfig } from '../../src/config/load-show.js';
import type { EpisodeRecord } from '../../src/core/episode.js';
import { createInProcessLock, type KeyedLock } from '../../src/core/keyed-lock.js';
import { silentLogger } from '../../src/core/logger.js';
import { EpisodeStore } from '../../src/pipeline/episode-store.js';
import { rebuildFeed } from '../../src/pipeline/publish-episode.js';
import { createRedisLock } from '../../src/queue/redis-lock.js';
import type { Storage } from '../../src/storage/storage.js';

const show = parseShowConfig({ id: 'race', title: 'Race', description: 'd', author: 'a' });

function publishedRecord(id: string, at: string): EpisodeRecord {
  return {
    id,
    showId: show.id,
    title: `Episode ${id}`,
    date: at.slice(0, 10),
    createdAt: at,
    updatedAt: at,
    publishedAt: at,
    status: 'published',
    description: 'd',
    sources: [],
    chapters: [],
    segments: [],
    audio: { key: `shows/race/episodes/${id}/a.mp3`, url: `http://127.0.0.1/${id}.mp3`, bytes: 1000, mimeType: 'audio/mpeg', durationSeconds: 60, integratedLufs: -16, truePeakDbtp: -2, loudnessRangeLu: 1 },
  };
}

/**
 * Work storage whose first listing of the show's episodes is slow: it reads the
 * keys at once but hands them back only when the test says so. That is the
 * window in which a feed rebuilt without the lock loses the other episode.
 */
function slowFirstListing(inner: Storage): { storage: Storage; listed: Promise<void>; release: () => void } {
  let release!: () => void;
  let signalListed!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const listed = new Promise<void>((resolve) => (signalListed = resolve));
  let first = true;
  const storage = Object.create(inner) as Storage;
  storage.list = async (prefix: string) => {
    const keys = await inner.list(prefix);
    if (first && prefix.endsWith('/episodes/')) {
      first = false;
      signalListed();
      await gate;
    }
    return keys;
  };
  return { storage, listed, release };
}

async function race(lock: KeyedLock): Promise<string[]> {
  const root = await mkdtemp(join(tmpdir(), 'briefcast-race-'));
  const app: App = createApp(loadConfig({ BRIEFCAST_DATA_DIR: join(root, 'data'), BRIEFCAST_PUBLISH_DIR: join(root, 'pub') }), { logger: silentLogger(), lock });
  try {
    const slow = slowFirstListing(app.ctx.work);
    app.ctx.work = slow.storage;
    const store = new EpisodeStore(app.ctx.work);
    await store.saveEpisode(publishedRecord('a', '2026-11-28T07:00:00.000Z'));
    const first = rebuildFeed(app.ctx, show); // lists only "a", then stalls
    await slow.listed;
    await store.saveEpisode(publishedRecord('b', '2026-11-28T07:00:01.000Z'));
    const second = rebuildFeed(app.ctx, show);
    // Give the second rebuild every chance to finish before the first resumes (it cannot if it waits for the lock).
    await Promise.race([second, new Promise((resolve) => setTimeout(resolve, 300))]);
    slow.release();
    await Promise.all([first, second]);
    const feed = parseFeed(await readFile(join(root, 'pub', 'shows', 'race', 'feed.xml'), 'utf8'));
    return feed!.items.map((item) => item.guid).sort();
  } finally {
    await app.close();
    await rm(root, { recursive: true, force: true });
  }
}

describe('the feed lock prevents lost updates', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  });
  afterAll(async () => {
    await redis?.quit();
  });

  const both = ['briefcast:race:a', 'briefcast:race:b'];

  it('without a lock, the race really loses an episode (the test can see the bug)', async () => {
    const noLock: KeyedLock = (_name, work) => work();
    expect(await race(noLock)).toEqual(['briefcast:race:a']);
  });

  it('the in-process lock keeps both episodes', async () => {
    expect(await race(createInProcessLock())).toEqual(both);
  });

  it('the Redis lock keeps both episodes', async () => {
    const lock = createRedisLock({ redis, prefix: `briefcast-test-${process.pid}-${Date.now()}` });
    expect(await race(lock)).toEqual(both);
  });
});
