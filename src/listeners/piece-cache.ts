import { workKeys } from '../storage/keys.js';
import type { Storage } from '../storage/storage.js';

/**
 * Piece bytes for serving, kept in memory up to a byte bound (least recently
 * used out first). Pieces are immutable under their content key, so a cached
 * copy is never stale and any instance may serve any listener.
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
