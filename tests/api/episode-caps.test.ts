import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, morningShow, shortArticles, waitForEpisode, type ApiHarness } from './support/api-harness.js';

/**
 * Issue 12, item 2 (caps as configuration): a script over a cost cap fails its
 * episode after the 202, before any synthesis, with the cap named in the record;
 * too many stories are refused in the request with 422.
 */
describe('episode cost caps', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await createApiHarness({ BRIEFCAST_MAX_TTS_CHARS_PER_EPISODE: '200', BRIEFCAST_MAX_STORIES_PER_EPISODE: '2', BRIEFCAST_API_RATE_LIMIT: '100' });
    expect((await h.server.inject({ method: 'POST', url: '/api/shows', headers: h.auth(h.keys.admin), payload: morningShow })).statusCode).toBe(201);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('fails an episode whose script exceeds the TTS character cap, naming the cap, with nothing synthesised', async () => {
    const created = await h.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: h.auth(h.keys.morning), payload: { articles: shortArticles } });
    expect(created.statusCode).toBe(202);
    const episode = await waitForEpisode(h.server, h.auth(h.keys.morning), `/api/shows/morning/episodes/${created.json().episode.id}`, (e) => e.status === 'failed' || e.status === 'published');
    expect(episode.status).toBe('failed');
    expect(episode.error).toMatchObject({ code: 'INPUT_LIMIT', message: expect.stringMatching(/characters to synthesise, more than the 200 allowed \(BRIEFCAST_MAX_TTS_CHARS_PER_EPISODE\)$/) });
    expect(episode.audioUrl).toBeUndefined();
  });

  it('refuses more articles than an episode may have stories with 422', async () => {
    const articles = ['Harbour', 'Ferry', 'Bridge'].map((name) => ({ title: `${name} news today`, text: `The ${name.toLowerCase()} story happened on Monday. Officials said more details would follow this week.` }));
    const response = await h.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: h.auth(h.keys.morning), payload: { draft: true, articles } });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toEqual({ code: 'INPUT_LIMIT', message: '3 articles, more than the 2 stories an episode may have (BRIEFCAST_MAX_STORIES_PER_EPISODE)', subject: 'body' });
  });
});

describe('episodes queued at once per key', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await createApiHarness({ BRIEFCAST_API_MAX_QUEUED_PER_KEY: '1', BRIEFCAST_API_RATE_LIMIT: '100' });
    expect((await h.server.inject({ method: 'POST', url: '/api/shows', headers: h.auth(h.keys.admin), payload: morningShow })).statusCode).toBe(201);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('refuses a second episode with 429 while the first is building, and accepts it once the first is done', async () => {
    const second = [{ title: 'Ferry timetable changes', text: 'The ferry timetable changes next week. Morning sailings move half an hour earlier to meet the first trains.' }];
    const first = await h.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: h.auth(h.keys.morning), payload: { articles: shortArticles } });
    expect(first.statusCode).toBe(202);
    const refused = await h.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: h.auth(h.keys.morning), payload: { articles: second } });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('TOO_MANY_QUEUED');
    // Another key is not held up by this one.
    const other = await h.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: h.auth(h.keys.admin), payload: { draft: true, articles: second } });
    expect(other.statusCode).toBe(202);
    await waitForEpisode(h.server, h.auth(h.keys.morning), `/api/shows/morning/episodes/${first.json().episode.id}`, (e) => e.status === 'published' || e.status === 'failed');
    const later = await h.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: h.auth(h.keys.morning), payload: { draft: true, articles: [{ ...second[0]!, title: 'Ferry timetable changes again' }] } });
    expect(later.statusCode).toBe(202);
  });
});
