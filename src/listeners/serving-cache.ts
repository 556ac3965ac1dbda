/**
 * A small time-bounded memo for the serving path. Only answers that stay
 * correct when a little old go in: a token's index entry (the listener's own
 * record, read every time, still decides whether the token is current, so a
 * rotation or removal takes effect at once) and a day's episode record (a
 * rebuilt record has a new ETag, and the old one's pieces are never deleted,
 * so an old record still describes bytes that exist).
 */
export class ServingCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 20_000,
  ) {}

  async get(key: string, load: () => Promise<T | null>): Promise<T | null> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = await load();
    if (value === null) {
      this.entries.delete(key);
      return null;
    }
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until: now + this.ttlMs });
    return value;
  }
}
