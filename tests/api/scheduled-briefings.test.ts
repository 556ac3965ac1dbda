import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EpisodeStore } from '../../src/pipeline/episode-store.js';
import { runScheduledBriefing } from '../../src/schedule/scheduled-briefing.js';
import { startLoopbackServer, type LoopbackServer } from '../ingest/loopback-server.js';
import { createApiHarness, morningShow, waitForEpisode, type ApiHarness } from './support/api-harness.js';

const fixture = (name: string) => readFile(new URL(`../fixtures/api/${name}`, import.meta.url));

describe('scheduled briefings from news feeds on loopback', () => {
  let h: ApiHarness;
  let feeds: LoopbackServer;

  beforeAll(async () => {
    const [world, other, ferry, latin1] = await Promise.all(['world-news.xml', 'other-news.xml', 'ferry.html', 'latin1-news.xml'].map(fixture));
    feeds = await startLoopbackServer({
      '/world.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(world),
      '/other.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(other),
      '/stories/ferry': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ferry),
      // No charset in the header: the XML declaration (ISO-8859-1) must be honoured.
      '/latin1.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/xml' }).end(latin1),
    });
    h = await createApiHarness();
  });
  afterAll(async () => {
    await h?.dispose();
    await feeds?.close();
  });

  it('makes one briefing per tick and never repeats a story', async () => {
    const schedule = { cron: '* * * * * *', timezone: 'Europe/London', feeds: [`${feeds.origin}/world.xml`, `${feeds.origin}/other.xml`], stories: 2, draft: true };
    const created = await h.server.inject({ method: 'POST', url: '/api/shows', headers: h.auth(h.keys.admin), payload: { ...morningShow, schedule } });
    expect(created.statusCode).toBe(201);
    expect(created.json().nextBriefingAt).toMatch(/^\d{4}-/);

    // Wait for three ticks to have read the feed: two with new stories, one with none left.
    while ((feeds.hits.get('/world.xml') ?? 0) < 3) await new Promise((resolve) => setTimeout(resolve, 100));
    await h.services.scheduler!.remove('morning');
    await h.services.runner.idle();

    const store = new EpisodeStore(h.app.ctx.work);
    const episodes = (await store.listEpisodes('morning')).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(episodes.map((episode) => episode.status)).toEqual(['draft', 'draft']);
    const [first, second] = episodes.map((episode) => episode.sources.map((source) => source.title));
    // Newest first; the Coast Courier's rewording of the ferry story is the same story and is dropped.
    expect(first).toEqual(['Harbour ferry adds a late evening crossing', 'Library extends weekend opening hours']);
    expect(second).toEqual(['School choir wins regional competition']);

    // The reachable page was read in full; the missing one fell back to the feed's description.
    const articles = await store.getArticles('morning', episodes[0]!.id);
    expect(articles[0]!.text).toContain('fish market');
    expect(articles[1]!.text).toContain('open on Sundays');
    expect(feeds.hits.get('/stories/ferry')).toBe(1);

    // Nothing new is left: a further tick makes nothing.
    const outcome = await runScheduledBriefing({ ctx: h.app.ctx, runner: h.services.runner, ingest: h.services.api.ingest }, 'morning', new Date());
    expect(outcome).toMatchObject({ kind: 'skipped' });
  });

  it('reads a feed in ISO-8859-1 declared only in its XML', async () => {
    const response = await h.server.inject({
      method: 'POST',
      url: '/api/shows/morning/episodes',
      headers: h.auth(h.keys.morning),
      payload: { feeds: [`${feeds.origin}/latin1.xml`], draft: true },
    });
    expect(response.statusCode).toBe(202);
    const episode = await waitForEpisode(h.server, h.auth(h.keys.morning), `/api/shows/morning/episodes/${response.json().episode.id}`, (e) => e.status === 'draft' || e.status === 'failed');
    expect(episode.status).toBe('draft');
    expect(episode.sources).toEqual([expect.objectContaining({ title: 'Le café du port rouvre à Noël' })]);
    expect(JSON.stringify(episode.script)).toContain('José');
  });

  it('refuses feed and article URLs on private addresses unless configured', async () => {
    const strict = await createApiHarness({ BRIEFCAST_ALLOW_PRIVATE_URLS: 'false', BRIEFCAST_SCHEDULES: 'false' });
    try {
      await strict.server.inject({ method: 'POST', url: '/api/shows', headers: strict.auth(strict.keys.admin), payload: morningShow });
      for (const payload of [{ feeds: [`${feeds.origin}/world.xml`] }, { urls: [`${feeds.origin}/stories/ferry`] }, { urls: ['http://169.254.169.254/latest/meta-data'] }]) {
        const response = await strict.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: strict.auth(strict.keys.admin), payload });
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(response.json().error.code).toBe('URL_REFUSED');
      }
    } finally {
      await strict.dispose();
    }
  });
});
