import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EpisodeStore } from '../../src/pipeline/episode-store.js';
import { publishEpisode } from '../../src/pipeline/publish-episode.js';
import { createApiHarness, morningShow, shortArticles, waitForEpisode, type ApiHarness } from './support/api-harness.js';

/**
 * Issue 12, items 4 and 11 (embedded mode): identical concurrent submissions
 * make one episode, one build and one webhook; a publish step that runs again
 * (as after a lost lock) changes nothing a listener or a receiver can see twice.
 */
describe('idempotent submission and publication', () => {
  let h: ApiHarness;
  let receiver: Server;
  const received: Array<{ event: string; id: string }> = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ event: String(req.headers['briefcast-event']), id: (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string }).id });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    h = await createApiHarness({ BRIEFCAST_API_RATE_LIMIT: '1000' });
    const show = { ...morningShow, webhooks: { endpoints: [{ url: hookUrl, events: ['episode.published'] }], secret: 'a-webhook-secret-for-tests-only' } };
    expect((await h.server.inject({ method: 'POST', url: '/api/shows', headers: h.auth(h.keys.admin), payload: show })).statusCode).toBe(201);
  });
  afterAll(async () => {
    await h?.dispose();
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('answers ten identical concurrent POSTs with one 202 and nine 200s for the same episode, and publishes it once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => h.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: h.auth(h.keys.morning), payload: { articles: shortArticles } })),
    );
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 202]);
    const ids = new Set(answers.map((answer) => (answer.json() as { episode: { id: string } }).episode.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    await waitForEpisode(h.server, h.auth(h.keys.morning), `/api/shows/morning/episodes/${id}`, (episode) => episode.status === 'published' || episode.status === 'failed');
    await h.services.runner.idle();
    await h.services.webhooks.idle();
    expect(received.filter((item) => item.event === 'episode.published')).toHaveLength(1);
    const later = await h.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: h.auth(h.keys.morning), payload: { articles: shortArticles } });
    expect(later.statusCode).toBe(200);
    expect(later.json().episode.id).toBe(id);
    expect(await new EpisodeStore(h.app.ctx.work).listEpisodes('morning')).toHaveLength(1);
  });

  it('runs a publish step a second time with no second webhook, the same record and one feed entry', async () => {
    const store = new EpisodeStore(h.app.ctx.work);
    const [first] = await store.listEpisodes('morning');
    const show = await store.getShow('morning');
    const feedBefore = await readFile(join(h.app.config.publishDir, 'shows', 'morning', 'feed.xml'), 'utf8');
    // The rerun a lost lock causes: the same step, and the event reported again.
    const again = await publishEpisode(h.app.ctx, show, first!.id);
    for (let i = 0; i < 2; i++) h.services.webhooks.dispatch({ type: 'episode.published', show, record: again });
    await h.services.webhooks.idle();
    expect(again.publishedAt).toBe(first!.publishedAt);
    expect(again.files).toEqual(first!.files);
    const published = received.filter((item) => item.event === 'episode.published');
    expect(published).toHaveLength(1);
    const feedAfter = await readFile(join(h.app.config.publishDir, 'shows', 'morning', 'feed.xml'), 'utf8');
    const entries = (xml: string) => xml.split('<item>').length - 1;
    expect(entries(feedAfter)).toBe(1);
    expect(entries(feedAfter)).toBe(entries(feedBefore));
    expect(feedAfter.match(/<guid[^>]*>[^<]+<\/guid>/g)).toEqual(feedBefore.match(/<guid[^>]*>[^<]+<\/guid>/g));
  });
});
