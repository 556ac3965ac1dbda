import { Redis } from 'ioredis';

/**
 * BullMQ needs `maxRetriesPerRequest: null` on connections its workers block
 * on (a Worker refuses others), and the same settings do no harm elsewhere.
 */
export function createRedisConnection(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, connectionName: `briefcast:${name}` });
}

/** Key namespace for Briefcast's own Redis keys (locks, limiter, progress), beside BullMQ's under the same prefix. */
export function briefcastKey(prefix: string, ...parts: string[]): string {
  return [prefix, 'briefcast', ...parts].join(':');
}
