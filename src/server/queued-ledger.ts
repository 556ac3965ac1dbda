import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Where a key's places in the queue are held. A place is first a hold (taken
 * atomically while under the limit, before the episode exists, so concurrent
 * submissions cannot all pass the check) and then the episode it became. Holds
 * expire on their own, so a process that dies mid-request leaks nothing.
 */
export interface QueuedLedger {
  /** The episodes ("showId/episodeId") holding places for this key. */
  episodes(keyId: string): Promise<string[]>;
  forget(keyId: string, episodes: string[]): Promise<void>;
  /** Takes a hold if fewer than `max` places are taken; returns its id, or undefined when full. */
  hold(keyId: string, max: number): Promise<string | undefined>;
  /** Turns a hold into the episode's place. */
  settle(keyId: string, hold: string, episode: string): Promise<void>;
  release(keyId: string, hold: string): Promise<void>;
}

/** Long enough for any submission (articles are fetched before the episode exists); short enough that a lost hold frees soon. */
export const HOLD_MS = 120_000;

const EPISODE = 'e:';
const HOLD = 'h:';

/** One process's count (embedded mode). */
export function memoryLedger(now: () => number = Date.now): QueuedLedger {
  const places = new Map<string, Map<string, number>>();
  const of = (keyId: string) => {
    const found = places.get(keyId) ?? new Map<string, number>();
    places.set(keyId, found);
    for (const [member, expires] of found) if (member.startsWith(HOLD) && expires <= now()) found.delete(member);
    return found;
  };
  return {
    async episodes(keyId) {
      return [...of(keyId).keys()].filter((m) => m.startsWith(EPISODE)).map((m) => m.slice(EPISODE.length));
    },
    async forget(keyId, episodes) {
      for (const episode of episodes) of(keyId).delete(EPISODE + episode);
    },
    async hold(keyId, max) {
      const found = of(keyId);
      if (found.size >= max) return undefined;
      const id = randomUUID();
      found.set(HOLD + id, now() + HOLD_MS);
      return id;
    },
    async settle(keyId, hold, episode) {
      const found = of(keyId);
      found.delete(HOLD + hold);
      found.set(EPISODE + episode, Number.POSITIVE_INFINITY);
    },
    async release(keyId, hold) {
      of(keyId).delete(HOLD + hold);
    },
  };
}

/*
 * A sorted set per key: episodes score 0, holds score their expiry (Redis
 * time, the clock all API processes share). Expired holds are dropped, then a
 * hold is added only while the set is under the limit, in one script.
 */
const HOLD_SCRIPT = `
local now = redis.call('TIME')
local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '(0', nowMs)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], nowMs + tonumber(ARGV[2]), ARGV[3])
return 1
`;

/** The count every API process shares (distributed mode). */
export function redisLedger(redis: Redis, nameSpace: string): QueuedLedger {
  const key = (keyId: string) => `${nameSpace}queued:${keyId}`;
  return {
    async episodes(keyId) {
      return (await redis.zrangebyscore(key(keyId), 0, 0)).filter((m) => m.startsWith(EPISODE)).map((m) => m.slice(EPISODE.length));
    },
    async forget(keyId, episodes) {
      if (episodes.length) await redis.zrem(key(keyId), ...episodes.map((e) => EPISODE + e));
    },
    async hold(keyId, max) {
      const id = randomUUID();
      const taken = Number(await redis.eval(HOLD_SCRIPT, 1, key(keyId), max, HOLD_MS, HOLD + id));
      return taken === 1 ? id : undefined;
    },
    async settle(keyId, hold, episode) {
      await redis.multi().zrem(key(keyId), HOLD + hold).zadd(key(keyId), 0, EPISODE + episode).exec();
    },
    async release(keyId, hold) {
      await redis.zrem(key(keyId), HOLD + hold);
    },
  };
}
