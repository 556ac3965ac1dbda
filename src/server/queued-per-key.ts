import { HttpCodes, HttpError } from './http-errors.js';
import type { QueuedLedger } from './queued-ledger.js';

type Ref = { showId: string; episodeId: string };
type StatusOf = (ref: Ref) => Promise<string | undefined>;

/** Statuses after which an episode no longer holds a place in its key's queue. */
const SETTLED = new Set(['published', 'draft', 'failed', 'unpublished']);

/**
 * How many episodes one key may have queued or building at once. The ledger
 * holds the places (in Redis in distributed mode, so all API processes share
 * one count); a place is freed when the record shows the episode settled
 * (published, draft, failed), checked on the next submission, so nothing needs
 * to report back.
 */
export class QueuedPerKey {
  constructor(
    private readonly max: number,
    private readonly statusOf: StatusOf,
    private readonly ledger: QueuedLedger,
  ) {}

  /**
   * Takes a place for one submission, or throws 429 TOO_MANY_QUEUED when the
   * key already has `max` unsettled episodes. Returns the hold to pass to
   * `accepted` or `released`.
   */
  async reserve(keyId: string): Promise<string> {
    const settled: string[] = [];
    for (const episode of await this.ledger.episodes(keyId)) {
      const [showId = '', episodeId = ''] = episode.split('/');
      const status = await this.statusOf({ showId, episodeId }).catch(() => undefined);
      if (status === undefined || SETTLED.has(status)) settled.push(episode);
    }
    await this.ledger.forget(keyId, settled);
    const hold = await this.ledger.hold(keyId, this.max);
    if (hold === undefined) {
      throw new HttpError(HttpCodes.TOO_MANY_QUEUED, `this key has ${this.max} episodes queued or building, the most allowed at once (BRIEFCAST_API_MAX_QUEUED_PER_KEY); retry when one finishes`);
    }
    return hold;
  }

  /** The submission created an episode: it keeps the place until it settles. */
  accepted(keyId: string, hold: string, ref: Ref): Promise<void> {
    return this.ledger.settle(keyId, hold, `${ref.showId}/${ref.episodeId}`);
  }

  /** The submission was refused or was a duplicate: its place is free again. */
  released(keyId: string, hold: string): Promise<void> {
    return this.ledger.release(keyId, hold);
  }
}
