import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from 'podcast-partytime';
import type { EpisodeRecord } from '../../src/core/episode.js';
import type { App } from '../../src/app.js';
import type { ShowConfig } from '../../src/config/show-config.js';
import { EpisodeStore } from '../../src/pipeline/episode-store.js';
import type { PipelineContext } from '../../src/pipeline/context.js';
import { publishEpisode } from '../../src/pipeline/publish-episode.js';
import type { Storage } from '../../src/storage/storage.js';
import { createFixtureApp, fixtureShow } from './support/episode-fixture.js';

/**
 * Publishing through the Storage interface alone: the order of writes (side
 * files, then the flash feed, then the podcast feed), and the feed cap that
 * leaves older episodes in storage. Records are written by hand here; no audio
 * is encoded, since publishing never touches audio.
 */
describe('publishing side files and feeds through storage', () => {
  let app: App;
  let root: string;
  let publishDir: string;
  let show: ShowConfig;
  let ctx: PipelineContext;
  const puts: string[] = [];

  const record = (index: number): EpisodeRecord => {
    const at = `2026-11-${String(10 + index).padStart(2, '0')}T06:00:00.000Z`;
    return {
      id: `ep${index}`,
      showId: show.id,
      title: `Episode ${index}`,
      date: at.slice(0, 10),
      createdAt: at,
      updatedAt: at,
      publishedAt: at,
      status: 'publishing',
      description: `Episode ${index}`,
      sources: [{ title: `Story ${index}`, url: `https://news.example.com/${index}`, siteName: 'Example News' }],
      audio: { key: `shows/${show.id}/episodes/ep${index}/a.mp3`, url: `https://cdn.example.com/podcasts/shows/${show.id}/episodes/ep${index}/a.mp3`, bytes: 1234, mimeType: 'audio/mpeg', durationSeconds: 30, integratedLufs: -16, truePeakDbtp: -1.5, loudnessRangeLu: 2 },
      chapters: [
        { title: 'Headlines', startSeconds: 0, endSeconds: 5 },
        { title: `Story ${index}`, startSeconds: 5, endSeconds: 30, url: `https://news.example.com/${index}` },
      ],
      segments: [
        { id: 'intro', kind: 'intro', text: `This is episode ${index}.`, provider: 'espeak', voice: 'en-us', cacheKey: 'i', cached: true, startSeconds: 0, durationSeconds: 4.5 },
        { id: `s${index}`, kind: 'story', title: `Story ${index}`, text: `Story ${index} happened today. People said things about it.`, provider: 'espeak', voice: 'en-us', cacheKey: 's', cached: true, startSeconds: 5, durationSeconds: 25 },
      ],
    };
  };

  beforeAll(async () => {
    ({ app, root, publishDir } = await createFixtureApp());
    show = { ...fixtureShow(root), artwork: undefined, feedMaxItems: 2 };
    // A recording wrapper around the real publish storage: same behaviour, and the order of writes.
    const real = app.ctx.publish;
    const recording: Storage = {
      name: real.name,
      put: (key, body, options) => {
        puts.push(key);
        return real.put(key, body, options);
      },
      get: (key) => real.get(key),
      head: (key) => real.head(key),
      list: (prefix) => real.list(prefix),
      delete: (key) => real.delete(key),
      publicUrl: (key) => real.publicUrl(key),
      putFile: (key, path, options) => {
        puts.push(key);
        return real.putFile(key, path, options);
      },
      getToFile: (key, path) => real.getToFile(key, path),
    };
    ctx = { ...app.ctx, publish: recording };
    const store = new EpisodeStore(ctx.work);
    await store.saveShow(show);
    for (const index of [1, 2, 3]) {
      await store.saveEpisode(record(index));
      await publishEpisode(ctx, show, `ep${index}`);
    }
  });
  afterAll(async () => {
    await app?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('writes the side files first, the flash feed next and the podcast feed last', () => {
    const firstEpisode = puts.slice(0, 6);
    expect(firstEpisode).toEqual([
      `shows/${show.id}/episodes/ep1/transcript.vtt`,
      `shows/${show.id}/episodes/ep1/transcript.srt`,
      `shows/${show.id}/episodes/ep1/transcript.txt`,
      `shows/${show.id}/episodes/ep1/chapters.json`,
      `shows/${show.id}/alexa.json`,
      `shows/${show.id}/feed.xml`,
    ]);
  });

  it('caps the feed at feedMaxItems while every record and side file stays in storage', async () => {
    const feed = parseFeed(await readFile(join(publishDir, 'shows', show.id, 'feed.xml'), 'utf8'))!;
    expect(feed.items.map((item) => item.title)).toEqual(['Episode 3', 'Episode 2']);
    const records = await new EpisodeStore(ctx.work).listEpisodes(show.id);
    expect(records.map((r) => [r.id, r.status]).sort()).toEqual([['ep1', 'published'], ['ep2', 'published'], ['ep3', 'published']]);
    expect(await ctx.publish.head(`shows/${show.id}/episodes/ep1/transcript.vtt`)).not.toBeNull();
    // The flash feed is capped by Alexa's rule (five), not the podcast feed's.
    const flash = JSON.parse(await readFile(join(publishDir, 'shows', show.id, 'alexa.json'), 'utf8')) as Array<{ titleText: string; mainText: string }>;
    expect(flash.map((item) => item.titleText)).toEqual(['Episode 3', 'Episode 2', 'Episode 1']);
    // Without a speaker rendition an item is read from its script, or its headlines when no script exists.
    expect(flash[0]!.mainText).toBe('Story 3 (Example News).');
  });
});
