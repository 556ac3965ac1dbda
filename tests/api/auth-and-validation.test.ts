import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../ingest/loopback-server.js';
import { createApiHarness, morningShow, shortArticles, type ApiHarness } from './support/api-harness.js';

describe('API authentication, limits and validation', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await createApiHarness({ BRIEFCAST_API_BODY_LIMIT: '4096', BRIEFCAST_API_RATE_LIMIT: '5' });
    const created = await h.server.inject({ method: 'POST', url: '/api/shows', headers: h.auth(h.keys.admin), payload: morningShow });
    expect(created.statusCode).toBe(201);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('refuses a request without a key with 401 and a JSON reason', async () => {
    const response = await h.server.inject({ method: 'GET', url: '/api/shows/morning' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.stringContaining('Bearer') } });
  });

  it('refuses an unknown key with 401', async () => {
    const wrong = `${h.keys.admin.slice(0, -4)}AAAA`;
    const response = await h.server.inject({ method: 'GET', url: '/api/shows/morning', headers: h.auth(wrong) });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHORIZED');
  });

  it('refuses a key scoped to another show with 403, and lets the right one in', async () => {
    const other = await h.server.inject({ method: 'GET', url: '/api/shows/morning', headers: h.auth(h.keys.evening) });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN');
    const post = await h.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: h.auth(h.keys.evening), payload: { articles: shortArticles } });
    expect(post.statusCode).toBe(403);
    const own = await h.server.inject({ method: 'GET', url: '/api/shows/morning', headers: h.auth(h.keys.morning) });
    expect(own.statusCode).toBe(200);
    expect(own.json().show.title).toBe('Morning Harbour');
    const list = await h.server.inject({ method: 'GET', url: '/api/shows', headers: h.auth(h.keys.evening) });
    expect(list.json().shows).toEqual([]);
  });

  it('answers an oversized body with 413', async () => {
    const text = 'word '.repeat(2000);
    const response = await h.server.inject({
      method: 'POST',
      url: '/api/shows/morning/episodes',
      headers: { ...h.auth(h.keys.admin), 'content-type': 'application/json' },
      payload: JSON.stringify({ articles: [{ title: 'Long', text }] }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('answers malformed JSON and schema violations with 400 and the reason', async () => {
    const broken = await h.server.inject({
      method: 'POST',
      url: '/api/shows/morning/episodes',
      headers: { ...h.auth(h.keys.admin), 'content-type': 'application/json' },
      payload: '{"articles": [',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('VALIDATION');
    expect(broken.json().error.message).toMatch(/JSON/i);

    const invalid = await h.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: h.auth(h.keys.admin), payload: { urls: ['ftp://example.com/a'], targetMinutes: 500 } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.message).toMatch(/urls\.0|targetMinutes/);

    const empty = await h.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: h.auth(h.keys.admin), payload: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/at least one/);

    const badShow = await h.server.inject({ method: 'POST', url: '/api/shows', headers: h.auth(h.keys.admin), payload: { ...morningShow, id: 'Bad Id' } });
    expect(badShow.statusCode).toBe(400);
    expect(badShow.json().error.message).toMatch(/id/);
  });

  it('keeps ids in paths inside their show', async () => {
    for (const url of ['/api/shows/morning/episodes/..%2F..%2Fsecrets', '/api/shows/morning/episodes/.hidden', '/api/shows/..%2Fevening/episodes']) {
      const response = await h.server.inject({ method: 'GET', url, headers: h.auth(h.keys.admin) });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION');
    }
  });

  it('refuses artwork given as a server file path', async () => {
    const response = await h.server.inject({ method: 'PUT', url: '/api/shows/morning', headers: h.auth(h.keys.admin), payload: { ...morningShow, artwork: '/etc/passwd' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'CONFIG_INVALID', subject: 'artwork' });
  });

  it('answers a page that cannot be fetched with 422 and names the URL', async () => {
    const pages: LoopbackServer = await startLoopbackServer({});
    try {
      const url = `${pages.origin}/missing`;
      const response = await h.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: h.auth(h.keys.morning), payload: { urls: [url], draft: true } });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({ code: 'URL_HTTP_STATUS', subject: url });
    } finally {
      await pages.close();
    }
  });

  it('limits episode creation per key with 429', async () => {
    // The morning key has used one of its five creations per minute above; every attempt counts.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await h.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: h.auth(h.keys.morning), payload: { articles: shortArticles, draft: true } });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(response.json().error.code).toBe('RATE_LIMITED');
        break;
      }
    }
    expect(statuses.slice(0, 4).every((status) => status === 200 || status === 202)).toBe(true);
    expect(statuses[4]).toBe(429);
    // Another key has its own budget.
    const admin = await h.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: h.auth(h.keys.admin), payload: { articles: shortArticles, draft: true } });
    expect(admin.statusCode).toBe(200);
    await h.services.runner.idle();
  });

  it('describes every API route in the OpenAPI document', async () => {
    const response = await h.server.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths).sort();
    expect(paths).toEqual([
      '/api/shows',
      '/api/shows/{showId}',
      '/api/shows/{showId}/episodes',
      '/api/shows/{showId}/episodes/{episodeId}',
      '/api/shows/{showId}/episodes/{episodeId}/approve',
      '/api/shows/{showId}/episodes/{episodeId}/cost',
      '/api/shows/{showId}/episodes/{episodeId}/listeners',
      '/api/shows/{showId}/episodes/{episodeId}/script',
      '/api/shows/{showId}/listeners',
      '/api/shows/{showId}/listeners/{listenerId}',
      '/api/shows/{showId}/listeners/{listenerId}/rotate',
      '/api/shows/{showId}/webhooks/deliveries',
      '/feeds/{showId}',
      '/healthz',
    ]);
    const docs = await h.server.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });
});
