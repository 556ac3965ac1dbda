import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, morningShow, waitForEpisode, type ApiHarness } from './support/api-harness.js';
import { serversSharingRedis } from './support/servers-sharing-redis.js';

/**
 * The per-key limit on episodes queued at once is one count for all API
 * processes when they share Redis (distributed mode): two servers given
 * concurrent submissions together accept exactly the limit, not the limit
 * each, and no race between the check and the submission lets one more in.
 */
describe('per-key queued-episode limit shared through Redis', () => {
  let h: ApiHarness;
  let servers: FastifyInstance[] = [];
  let closeServers = async () => {};

  beforeAll(async () => {
    h = await createApiHarness({ BRIEFCAST_API_MAX_QUEUED_PER_KEY: '2', BRIEFCAST_API_RATE_LIMIT: '100' });
    expect((await h.server.inject({ method: 'POST', url: '/api/shows', headers: h.auth(h.keys.admin), payload: morningShow })).statusCode).toBe(201);
    ({ servers, close: closeServers } = await serversSharingRedis(h, 'queued-limit-test'));
  });
  afterAll(async () => {
    await closeServers();
    await h?.dispose();
  });

  const submit = (server: FastifyInstance, n: number) =>
    server.inject({
      method: 'POST',
      url: '/api/shows/morning/episodes',
      headers: h.auth(h.keys.morning),
      payload: { draft: true, articles: [{ title: `Harbour notice ${n}`, text: `Harbour notice number ${n} moves the ferry sailings. The first boat now leaves at six.` }] },
    });

  it('accepts the limit across two processes, refuses the rest with 429, and frees places when episodes settle', async () => {
    const responses = await Promise.all([0, 1, 2, 3, 4, 5].map((n) => submit(servers[n % 2]!, n)));
    const accepted = responses.filter((r) => r.statusCode === 202);
    const refused = responses.filter((r) => r.statusCode === 429);
    expect(accepted).toHaveLength(2);
    expect(refused).toHaveLength(4);
    expect(refused.every((r) => r.json().error.code === 'TOO_MANY_QUEUED')).toBe(true);
    for (const response of accepted) {
      await waitForEpisode(h.server, h.auth(h.keys.morning), `/api/shows/morning/episodes/${response.json().episode.id}`, (e) => e.status === 'draft' || e.status === 'failed');
    }
    // Settled episodes give their places back, on either process.
    const again = await Promise.all([10, 11, 12].map((n) => submit(servers[n % 2]!, n)));
    expect(again.map((r) => r.statusCode).sort()).toEqual([202, 202, 429]);
  });
});
