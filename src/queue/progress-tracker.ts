import type { Redis } from 'ioredis';
import type { EpisodeRef } from './job-types.js';
import { briefcastKey } from './redis-connection.js';

const WEEK_SECONDS = 7 * 24 * 3600;

/**
 * Counts an episode's finished pieces as a set of cache keys, so a segment
 * job that runs twice (a retry, a stalled job picked up again) counts once.
 */
export class ProgressTracker {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(ref: EpisodeRef): string {
    return briefcastKey(this.prefix, 'pieces', ref.showId, ref.episodeId);
  }

  /** Marks one piece done and returns how many distinct pieces are done. */
  async pieceDone(ref: EpisodeRef, cacheKey: string): Promise<number> {
    const key = this.key(ref);
    const [, , count] = (await this.redis.multi().sadd(key, cacheKey).expire(key, WEEK_SECONDS).scard(key).exec()) ?? [];
    return Number(count?.[1] ?? 0);
  }

  async count(ref: EpisodeRef): Promise<number> {
    return this.redis.scard(this.key(ref));
  }

  async reset(ref: EpisodeRef): Promise<void> {
    await this.redis.del(this.key(ref));
  }
}
