import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createRedisConnection } from '../../../src/queue/redis-connection.js';
import { createServer } from '../../../src/server/create-server.js';
import type { ApiHarness } from './api-harness.js';

/**
 * Two API servers over one harness's services, each with its own Redis connection and one
 * shared limit name space: what two API processes in distributed mode see.
 */
export async function serversSharingRedis(h: ApiHarness, label: string): Promise<{ servers: FastifyInstance[]; close(): Promise<void> }> {
  const nameSpace = `briefcast-test-${randomBytes(6).toString('hex')}:rate-limit:`;
  const servers: FastifyInstance[] = [];
  const connections: ReturnType<typeof createRedisConnection>[] = [];
  for (let i = 0; i < 2; i++) {
    const redis = createRedisConnection('redis://127.0.0.1:6379', `${label}-${i}`);
    connections.push(redis);
    servers.push(await createServer({ publishDir: h.app.config.publishDir, api: { ...h.services.api, rateLimit: { redis, nameSpace } } }));
  }
  return {
    servers,
    async close() {
      for (const server of servers) await server.close();
      const keys = await connections[0]?.keys(`${nameSpace}*`);
      if (keys?.length) await connections[0]!.del(...keys);
      for (const redis of connections) await redis.quit();
    },
  };
}
