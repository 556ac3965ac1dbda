import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PieceCache } from '../../src/listeners/piece-cache.js';
import { workKeys } from '../../src/storage/keys.js';
import { LocalStorage } from '../../src/storage/local-storage.js';
import type { Storage } from '../../src/storage/storage.js';

/** Real local storage, with every read it serves counted. */
function counted(storage: Storage) {
  const reads: string[] = [];
  const wrapped: Storage = Object.create(storage) as Storage;
  wrapped.get = async (key) => {
    reads.push(`get ${key}`);
    return storage.get(key);
  };
  wrapped.getRange = async (key, start, end) => {
    reads.push(`range ${key} ${start}-${end}`);
    return storage.getRange!(key, start, end);
  };
  return { storage: wrapped, reads };
}

describe('the serving piece cache', () => {
  let root: string;
  let local: LocalStorage;
  const piece = (n: number) => Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * n) % 256));

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-piece-cache-'));
    local = new LocalStorage({ root, publicBaseUrl: 'http://127.0.0.1/' });
    for (const n of [1, 3, 7]) await local.put(workKeys.segmentAudio(`piece${n}`), piece(n));
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  it('reads a small part of a piece with a ranged read and keeps nothing', async () => {
    const { storage, reads } = counted(local);
    const cache = new PieceCache(storage, 1_000_000);
    expect(Buffer.from(await cache.read('piece3', 10_000, 500, 1499))).toEqual(piece(3).subarray(500, 1500));
    expect(reads).toEqual([`range ${workKeys.segmentAudio('piece3')} 500-1499`]);
    expect(cache.sizeBytes).toBe(0);
  });

  it('loads and keeps the whole piece for a large part, then serves parts of it from memory', async () => {
    const { storage, reads } = counted(local);
    const cache = new PieceCache(storage, 1_000_000);
    expect(Buffer.from(await cache.read('piece7', 10_000, 0, 7999))).toEqual(piece(7).subarray(0, 8000));
    expect(Buffer.from(await cache.read('piece7', 10_000, 9000, 9099))).toEqual(piece(7).subarray(9000, 9100));
    expect(reads).toEqual([`get ${workKeys.segmentAudio('piece7')}`]);
    expect(cache.sizeBytes).toBe(10_000);
  });

  it('stays within its byte bound, least recently used out first', async () => {
    const { storage, reads } = counted(local);
    const cache = new PieceCache(storage, 25_000);
    for (const n of [1, 3, 7]) await cache.get(`piece${n}`);
    expect(cache.sizeBytes).toBe(20_000);
    await cache.get('piece7');
    await cache.get('piece1');
    expect(reads.filter((read) => read.includes('piece1'))).toHaveLength(2);
    expect(reads.filter((read) => read.includes('piece7'))).toHaveLength(1);
    expect(cache.sizeBytes).toBeLessThanOrEqual(25_000);
  });

  it('without a ranged read in the storage, reads whole pieces', async () => {
    const { storage, reads } = counted(local);
    Object.defineProperty(storage, 'getRange', { value: undefined });
    const cache = new PieceCache(storage, 1_000_000);
    expect(Buffer.from(await cache.read('piece1', 10_000, 100, 199))).toEqual(piece(1).subarray(100, 200));
    expect(reads).toEqual([`get ${workKeys.segmentAudio('piece1')}`]);
  });
});
