import { Redis } from 'ioredis';
import { REDIS_URL } from './cluster.js';

/**
 * Separate Redis connections (as separate processes would have) under one key
 * prefix; `close` deletes the prefix's keys and quits every connection.
 */
export function redisConnections(prefix: string): { connect(): Redis; close(): Promise<void> } {
  const connections: Redis[] = [];
  const connect = (): Redis => {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    connections.push(redis);
    return redis;
  };
  return {
    connect,
    async close() {
      const redis = connect();
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await Promise.all(connections.map((c) => c.quit()));
    },
  };
}
