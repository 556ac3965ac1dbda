import { workKeys } from '../storage/keys.js';
import type { Storage } from '../storage/storage.js';

/**
 * Piece bytes for serving, kept in memory up to a byte bound (least recently
 * used out first). Pieces are immutable under their content key, so a cached
 * copy is never stale and any instance may serve any listener. A request for
 * a small part of a piece not in memory (a seek) is a ranged read of that part
 * alone, not kept; a larger part loads and keeps the whole piece.
 */
export class PieceCache {
  private readonly entries = new Map<string, Uint8Array>();
  private readonly pending = new Map<string, Promise<Uint8Array>>();
  private bytes = 0;

  constructor(
    private readonly storage: Storage,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get sizeBytes(): number {
    return this.bytes;
  }

  /**
   * Bytes `from` to `to` (inclusive) of a piece of `length` bytes. Ranged when the
   * storage can and the part is under half the piece; otherwise the whole piece.
   */
  async read(cacheKey: string, length: number, from: number, to: number): Promise<Uint8Array> {
    const whole = this.entries.get(cacheKey);
    const wanted = to - from + 1;
    if (!whole && this.storage.getRange && wanted < length / 2 && !this.pending.has(cacheKey)) {
      return this.storage.getRange(workKeys.segmentAudio(cacheKey), from, to);
    }
    const data = await this.get(cacheKey);
    if (data.length !== length) return data;
    return data.subarray(from, to + 1);
  }

  async get(cacheKey: string): Promise<Uint8Array> {
    const hit = this.entries.get(cacheKey);
    if (hit) {
      this.entries.delete(cacheKey);
      this.entries.set(cacheKey, hit);
      return hit;
    }
    const inFlight = this.pending.get(cacheKey);
    if (inFlight) return inFlight;
    const load = this.storage.get(workKeys.segmentAudio(cacheKey)).then((data) => {
      this.remember(cacheKey, data);
      return data;
    });
    this.pending.set(cacheKey, load);
    try {
      return await load;
    } finally {
      this.pending.delete(cacheKey);
    }
  }

  private remember(cacheKey: string, data: Uint8Array): void {
    if (data.length > this.maxBytes) return;
    this.entries.set(cacheKey, data);
    this.bytes += data.length;
    for (const [key, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(key);
      this.bytes -= value.length;
    }
  }
}
