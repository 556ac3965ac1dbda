import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, morningShow, type ApiHarness } from './support/api-harness.js';
import { serversSharingRedis } from './support/servers-sharing-redis.js';

/**
 * Issue 12, item 9: the per-key episode limit is one count for all API
 * processes when it lives in Redis (distributed mode); two servers, each with
 * its own Redis connection, together allow exactly the documented limit.
 */
describe('per-key episode rate limit shared through Redis', () => {
  let h: ApiHarness;
  let servers: FastifyInstance[] = [];
  let closeServers = async () => {};

  beforeAll(async () => {
    h = await createApiHarness({ BRIEFCAST_API_RATE_LIMIT: '4' });
    expect((await h.server.inject({ method: 'POST', url: '/api/shows', headers: h.auth(h.keys.admin), payload: morningShow })).statusCode).toBe(201);
    ({ servers, close: closeServers } = await serversSharingRedis(h, 'rate-limit-test'));
  });
  afterAll(async () => {
    await closeServers();
    await h?.dispose();
  });

  it('lets two API processes together accept the limit, not twice it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await servers[i % 2]!.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: h.auth(h.keys.morning), payload: { draft: true } });
      statuses.push(response.statusCode);
    }
    // The refused body is a 400 (no articles) while under the limit: each request still counts.
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
    expect(statuses.slice(0, 4).every((status) => status !== 429)).toBe(true);
  });
});
