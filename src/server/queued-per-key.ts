import { HttpCodes, HttpError } from './http-errors.js';

type Ref = { showId: string; episodeId: string };
type StatusOf = (ref: Ref) => Promise<string | undefined>;

/** Statuses after which an episode no longer holds a place in its key's queue. */
const SETTLED = new Set(['published', 'draft', 'failed', 'unpublished']);

/**
 * How many episodes one key may have queued or building at once. Each API
 * process counts the episodes it accepted; a place is freed when the record
 * shows the episode settled (published, draft, failed), checked on the next
 * submission, so nothing needs to report back.
 */
export class QueuedPerKey {
  private readonly pending = new Map<string, Ref[]>();

  constructor(
    private readonly max: number,
    private readonly statusOf: StatusOf,
  ) {}

  /** Throws 429 TOO_MANY_QUEUED when the key already has `max` unsettled episodes. */
  async assertRoom(keyId: string): Promise<void> {
    const refs = this.pending.get(keyId) ?? [];
    const open: Ref[] = [];
    for (const ref of refs) {
      const status = await this.statusOf(ref).catch(() => undefined);
      if (status !== undefined && !SETTLED.has(status)) open.push(ref);
    }
    this.pending.set(keyId, open);
    if (open.length >= this.max) {
      throw new HttpError(HttpCodes.TOO_MANY_QUEUED, `this key has ${open.length} episodes queued or building, the most allowed at once (BRIEFCAST_API_MAX_QUEUED_PER_KEY); retry when one finishes`);
    }
  }

  accepted(keyId: string, ref: Ref): void {
    const refs = this.pending.get(keyId) ?? [];
    if (!refs.some((r) => r.showId === ref.showId && r.episodeId === ref.episodeId)) refs.push(ref);
    this.pending.set(keyId, refs);
  }
}
