import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** What taking the claim on a delivery id found. */
export type ClaimState = 'claimed' | 'delivered' | 'busy';

/**
 * Who may send a delivery. Taking the claim is one atomic step, so of any
 * number of runs of one delivery id (every API process reporting the event,
 * a stalled job run again, a duplicate queued after the first job was removed)
 * exactly one sends at a time, and none once it was delivered. A check of the
 * delivery log followed by a send is not enough: two runs both read
 * "not delivered" before either records it.
 */
export interface DeliveryClaims {
  claim(id: string): Promise<ClaimState>;
  /** The claimed attempt got a 2xx: the id is never sent again. */
  delivered(id: string): Promise<void>;
  /** The claimed attempt failed: a retry may claim the id again. */
  release(id: string): Promise<void>;
}

const DELIVERED = 'delivered';
// Deletes the claim only while it is still this run's (an expired claim may have been taken by another run).
const RELEASE_OWN = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

export interface RedisClaimOptions {
  prefix: string;
  /** How long an attempt may hold the claim; a run that dies mid-attempt frees it after this. */
  holdMs: number;
  /** How long "delivered" is remembered: longer than a finished webhook job is kept. */
  keepMs: number;
}

/** Claims shared by every process on the Redis: SET NX with an expiry, released only by its holder. */
export class RedisDeliveryClaims implements DeliveryClaims {
  private readonly held = new Map<string, string>();

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisClaimOptions,
  ) {}

  private key(id: string): string {
    return `${this.options.prefix}:webhook-claim:${id}`;
  }

  async claim(id: string): Promise<ClaimState> {
    const token = randomUUID();
    if ((await this.redis.set(this.key(id), token, 'PX', this.options.holdMs, 'NX')) === 'OK') {
      this.held.set(id, token);
      return 'claimed';
    }
    return (await this.redis.get(this.key(id))) === DELIVERED ? 'delivered' : 'busy';
  }

  async delivered(id: string): Promise<void> {
    this.held.delete(id);
    await this.redis.set(this.key(id), DELIVERED, 'PX', this.options.keepMs);
  }

  async release(id: string): Promise<void> {
    const token = this.held.get(id);
    this.held.delete(id);
    if (token) await this.redis.eval(RELEASE_OWN, 1, this.key(id), token);
  }
}
