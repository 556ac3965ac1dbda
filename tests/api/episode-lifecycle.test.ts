import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/webhooks/signature.js';
import { startLoopbackServer, type LoopbackServer } from '../ingest/loopback-server.js';
import { createApiHarness, morningShow, shortArticles, waitForEpisode, type ApiHarness } from './support/api-harness.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

const SECRET = 'a-webhook-secret-for-tests-only';

describe('episode lifecycle over HTTP (embedded, real eSpeak NG and ffmpeg)', () => {
  let h: ApiHarness;
  let pages: LoopbackServer;
  let receiver: Server;
  let hookUrl: string;
  let base: string;
  const received: Received[] = [];
  let failNextFailedEvent = true;

  beforeAll(async () => {
    const ferry = await readFile(new URL('../fixtures/api/ferry.html', import.meta.url));
    pages = await startLoopbackServer({ '/ferry': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ferry) });
    // The receiver keeps the raw body: signatures are over bytes, not over re-serialised JSON.
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({ headers: req.headers, body });
        if (req.headers['briefcast-event'] === 'episode.failed' && failNextFailedEvent) {
          failNextFailedEvent = false;
          res.writeHead(503).end();
          return;
        }
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    h = await createApiHarness();
    base = await h.server.listen({ host: '127.0.0.1', port: 0 });
    const show = { ...morningShow, webhooks: { endpoints: [{ url: hookUrl }], secret: SECRET } };
    const created = await h.server.inject({ method: 'POST', url: '/api/shows', headers: h.auth(h.keys.admin), payload: show });
    expect(created.statusCode).toBe(201);
    expect(JSON.stringify(created.json())).not.toContain(SECRET);
  });
  afterAll(async () => {
    await h?.dispose();
    await pages?.close();
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('drafts, edits, approves, publishes and unpublishes an episode', async () => {
    const key = h.auth(h.keys.morning);
    const created = await h.server.inject({
      method: 'POST',
      url: '/api/shows/morning/episodes',
      headers: key,
      payload: { articles: shortArticles, urls: [`${pages.origin}/ferry`], targetMinutes: 0.5, voice: 'en-gb', draft: true },
    });
    expect(created.statusCode).toBe(202);
    const id = created.json().episode.id as string;
    const path = `/api/shows/morning/episodes/${id}`;
    expect(created.headers.location).toBe(path);

    const draft = await waitForEpisode(h.server, key, path, (episode) => episode.status === 'draft' || episode.status === 'failed');
    expect(draft.status).toBe('draft');
    const script = draft.script as { segments: Array<{ kind: string; voice?: string }> };
    expect(script.segments.length).toBeGreaterThan(1);
    expect(script.segments.every((segment) => segment.voice === 'en-gb')).toBe(true);
    expect((draft.sources as Array<{ title: string }>).map((source) => source.title)).toContain('Harbour ferry adds a late evening crossing');

    const text = await h.server.inject({ method: 'GET', url: `${path}/script?format=text`, headers: key });
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    const edited = `${text.body.trimEnd()}\nThe producer added this closing sentence.\n`;
    const put = await h.server.inject({ method: 'PUT', url: `${path}/script`, headers: { ...key, 'content-type': 'text/plain' }, payload: edited });
    expect(put.statusCode).toBe(200);
    const bad = await h.server.inject({ method: 'PUT', url: `${path}/script`, headers: key, payload: { version: 1, segments: [] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('SCRIPT_INVALID');

    // Before approving, the producer can ask what synthesis will cost; the offline voice is free but still counted.
    const cost = await h.server.inject({ method: 'GET', url: `${path}/cost`, headers: key });
    expect(cost.statusCode).toBe(200);
    expect(cost.json().cost.characters).toBeGreaterThan(100);
    expect(cost.json().cost.providers[0]).toMatchObject({ provider: 'espeak', estimatedCostUsd: 0 });
    expect((await h.server.inject({ method: 'GET', url: `${path}/cost` })).statusCode).toBe(401);

    expect((await h.server.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const approved = await h.server.inject({ method: 'POST', url: `${path}/approve`, headers: key });
    expect(approved.statusCode).toBe(202);
    const again = await h.server.inject({ method: 'POST', url: `${path}/approve`, headers: key });
    expect(again.statusCode).toBe(409);

    const seen = new Set<string>();
    const published = await waitForEpisode(h.server, key, path, (episode) => {
      seen.add(episode.status);
      return episode.status === 'published' || episode.status === 'failed';
    });
    expect(published.error).toBeUndefined();
    expect(published.status).toBe('published');
    expect(published.durationSeconds).toBeGreaterThan(3);
    expect((published.loudness as { integratedLufs: number }).integratedLufs).toBeLessThan(0);
    expect(published.audioUrl).toMatch(/\.mp3$/);
    expect(published.chaptersUrl).toMatch(/chapters\.json$/);

    // Published files over real HTTP, byte ranges included.
    const audioPath = new URL(published.audioUrl as string).pathname;
    const range = await fetch(`${base}${audioPath}`, { headers: { Range: 'bytes=0-99' } });
    expect(range.status).toBe(206);
    expect((await range.arrayBuffer()).byteLength).toBe(100);
    const transcript = await fetch(`${base}${new URL((published.transcriptUrls as Record<string, string>).text!).pathname}`);
    expect(await transcript.text()).toContain('The producer added this closing sentence.');
    const feedRedirect = await fetch(`${base}/feeds/morning`, { redirect: 'manual' });
    expect(feedRedirect.status).toBe(302);
    const feed = await (await fetch(`${base}/shows/morning/feed.xml`)).text();
    expect(feed).toContain(audioPath.split('/').pop());

    // Public episode data needs no key, and shows no script.
    const anonymous = await h.server.inject({ method: 'GET', url: path });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json().episode.script).toBeUndefined();

    // The published webhook, verified the way a receiver would.
    await h.services.webhooks.idle();
    const delivery = received.find((item) => item.headers['briefcast-event'] === 'episode.published');
    expect(delivery).toBeDefined();
    const timestamp = String(delivery!.headers['briefcast-timestamp']);
    const expected = `v1=${createHmac('sha256', SECRET).update(`${timestamp}.${delivery!.body}`).digest('hex')}`;
    expect(delivery!.headers['briefcast-signature']).toBe(expected);
    expect(JSON.parse(delivery!.body)).toMatchObject({ event: 'episode.published', episode: { id, status: 'published', audioUrl: published.audioUrl } });
    const headers = { timestamp, signature: String(delivery!.headers['briefcast-signature']) };
    expect(verifySignature(SECRET, headers, delivery!.body)).toEqual({ valid: true });
    expect(verifySignature(SECRET, headers, delivery!.body.replace('published', 'failed')).valid).toBe(false);
    expect(verifySignature(SECRET, headers, delivery!.body, { now: new Date(Date.now() + 3_600_000) })).toEqual({ valid: false, reason: 'timestamp outside the replay window' });

    // Unpublish: out of the feed, audio gone, the record says so.
    const removed = await h.server.inject({ method: 'DELETE', url: path, headers: key });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().episode.status).toBe('unpublished');
    expect(removed.json().episode.audioUrl).toBeUndefined();
    const feedAfter = await (await fetch(`${base}/shows/morning/feed.xml`)).text();
    expect(feedAfter).not.toContain(audioPath.split('/').pop());
    expect((await fetch(`${base}${audioPath}`)).status).toBe(404);
    const listed = await h.server.inject({ method: 'GET', url: '/api/shows/morning/episodes?limit=10', headers: key });
    expect(listed.json().episodes.map((episode: { id: string; status: string }) => [episode.id, episode.status])).toContainEqual([id, 'unpublished']);
  });

  it('records a failure with its reason and retries the failed-event webhook', async () => {
    const key = h.auth(h.keys.admin);
    const created = await h.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: key, payload: { articles: shortArticles, voice: 'no-such-voice', date: '2025-01-02' } });
    expect(created.statusCode).toBe(202);
    const path = `/api/shows/morning/episodes/${created.json().episode.id}`;
    const failed = await waitForEpisode(h.server, key, path, (episode) => episode.status === 'failed' || episode.status === 'published');
    expect(failed.status).toBe('failed');
    expect((failed.error as { code: string; message: string }).message).toMatch(/no-such-voice/);
    await h.services.webhooks.idle();
    const attempts = received.filter((item) => item.headers['briefcast-event'] === 'episode.failed');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.headers['briefcast-delivery']).toBe(attempts[1]!.headers['briefcast-delivery']);
    const outcomes = await h.server.inject({ method: 'GET', url: '/api/shows/morning/webhooks/deliveries', headers: key });
    expect(outcomes.json().deliveries).toContainEqual(expect.objectContaining({ event: 'episode.failed', status: 'delivered', attempts: 2, responseStatus: 204 }));
  });
});
