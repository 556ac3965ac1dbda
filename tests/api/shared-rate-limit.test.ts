import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisConnection } from '../../src/queue/redis-connection.js';
import { createServer } from '../../src/server/create-server.js';
import { createApiHarness, morningShow, type ApiHarness } from './support/api-harness.js';

/**
 * Issue 12, item 9: the per-key episode limit is one count for all API
 * processes when it lives in Redis (distributed mode); two servers, each with
 * its own Redis connection, together allow exactly the documented limit.
 */
describe('per-key episode rate limit shared through Redis', () => {
  let h: ApiHarness;
  const servers: FastifyInstance[] = [];
  const connections: ReturnType<typeof createRedisConnection>[] = [];
  const nameSpace = `briefcast-test-${randomBytes(6).toString('hex')}:rate-limit:`;

  beforeAll(async () => {
    h = await createApiHarness({ BRIEFCAST_API_RATE_LIMIT: '4' });
    expect((await h.server.inject({ method: 'POST', url: '/api/shows', headers: h.auth(h.keys.admin), payload: morningShow })).statusCode).toBe(201);
    for (let i = 0; i < 2; i++) {
      const redis = createRedisConnection('redis://127.0.0.1:6379', `rate-limit-test-${i}`);
      connections.push(redis);
      servers.push(await createServer({ publishDir: h.app.config.publishDir, api: { ...h.services.api, rateLimit: { redis, nameSpace } } }));
    }
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    const keys = await connections[0]?.keys(`${nameSpace}*`);
    if (keys?.length) await connections[0]!.del(...keys);
    for (const redis of connections) await redis.quit();
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
