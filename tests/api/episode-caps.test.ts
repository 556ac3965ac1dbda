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
