import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/storage/storage.js';

export interface ConformanceTarget {
  storage: Storage;
  close?(): Promise<void>;
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Yields the bytes in uneven pieces, the way a file or network stream does. */
function chunked(bytes: Buffer): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= bytes.length) return this.push(null);
      const size = 1 + Math.floor(Math.random() * 256 * 1024);
      this.push(bytes.subarray(offset, offset + size));
      offset += size;
    },
  });
}

/**
 * The behaviour every Storage backend must share, run against each one. The
 * pipeline relies on all of it: missing objects are STORAGE_NOT_FOUND, lists are
 * sorted and prefix-exact, streamed bodies arrive byte for byte.
 */
export function describeStorageConformance(name: string, open: () => Promise<ConformanceTarget>): void {
  describe(`Storage conformance: ${name}`, () => {
    let target: ConformanceTarget;
    let storage: Storage;
    let dir: string;
    beforeAll(async () => {
      target = await open();
      storage = target.storage;
      dir = await mkdtemp(join(tmpdir(), 'briefcast-conformance-'));
    });
    afterAll(async () => {
      await target?.close?.();
      await rm(dir, { recursive: true, force: true });
    });

    it('stores strings and bytes and reads them back', async () => {
      await storage.put('a/text.json', '{"héllo":1}', { contentType: 'application/json' });
      await storage.put('a/bytes.bin', new Uint8Array([0, 1, 2, 255]));
      expect(Buffer.from(await storage.get('a/text.json')).toString('utf8')).toBe('{"héllo":1}');
      expect([...(await storage.get('a/bytes.bin'))]).toEqual([0, 1, 2, 255]);
    });

    it('reads byte ranges of an object, shorter at its end, and a missing one as STORAGE_NOT_FOUND', async () => {
      const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
      await storage.put('a/ranged.bin', bytes);
      expect(storage.getRange).toBeTypeOf('function');
      expect(Buffer.from(await storage.getRange!('a/ranged.bin', 100, 199))).toEqual(bytes.subarray(100, 200));
      expect(Buffer.from(await storage.getRange!('a/ranged.bin', 0, 0))).toEqual(bytes.subarray(0, 1));
      expect(Buffer.from(await storage.getRange!('a/ranged.bin', 990, 2000))).toEqual(bytes.subarray(990));
      await expect(storage.getRange!('a/missing.bin', 0, 9)).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' });
    });

    it('replaces an object on a second put', async () => {
      await storage.put('a/replace.txt', 'first version, longer');
      await storage.put('a/replace.txt', 'second');
      expect(Buffer.from(await storage.get('a/replace.txt')).toString()).toBe('second');
      expect((await storage.head('a/replace.txt'))?.size).toBe(6);
    });

    it('reports a missing object as STORAGE_NOT_FOUND and head as null', async () => {
      await expect(storage.get('a/missing.txt')).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' });
      await expect(storage.getToFile('a/missing.txt', join(dir, 'missing'))).rejects.toMatchObject({ code: 'STORAGE_NOT_FOUND' });
      expect(await storage.head('a/missing.txt')).toBeNull();
    });

    it('heads an object with its size and modification time', async () => {
      await storage.put('a/sized.txt', 'twelve bytes');
      const info = await storage.head('a/sized.txt');
      expect(info).toMatchObject({ key: 'a/sized.txt', size: 12 });
      expect(info!.modifiedAt.getTime()).toBeGreaterThan(0);
    });

    it('lists keys under a prefix, sorted, and nothing outside it', async () => {
      for (const key of ['list/b/2.txt', 'list/a.txt', 'list/b/1.txt', 'listing/other.txt', 'lis.txt']) await storage.put(key, key);
      expect(await storage.list('list/')).toEqual(['list/a.txt', 'list/b/1.txt', 'list/b/2.txt']);
      expect(await storage.list('list/b/')).toEqual(['list/b/1.txt', 'list/b/2.txt']);
      expect(await storage.list('nothing-here/')).toEqual([]);
    });

    it('deletes, and deleting a missing key is not an error', async () => {
      await storage.put('a/delete-me.txt', 'x');
      await storage.delete('a/delete-me.txt');
      expect(await storage.head('a/delete-me.txt')).toBeNull();
      await expect(storage.delete('a/delete-me.txt')).resolves.toBeUndefined();
    });

    it('stores a streamed body byte for byte (larger than one upload part)', async () => {
      const bytes = randomBytes(11 * 1024 * 1024 + 12345);
      await storage.put('big/streamed.bin', chunked(bytes), { contentType: 'application/octet-stream' });
      const back = await storage.get('big/streamed.bin');
      expect(back.byteLength).toBe(bytes.length);
      expect(sha(back)).toBe(sha(bytes));
    });

    it('copies local files in and out unchanged', async () => {
      const bytes = randomBytes(300_000);
      const source = join(dir, 'in.mp3');
      await writeFile(source, bytes);
      await storage.putFile('files/in.mp3', source, { contentType: 'audio/mpeg' });
      const out = join(dir, 'nested', 'out.mp3');
      await storage.getToFile('files/in.mp3', out);
      expect(sha(await readFile(out))).toBe(sha(bytes));
    });

    it('refuses keys that could escape the store', async () => {
      for (const key of ['../x', '/abs', 'a//b', 'a/./b', 'a\\b', '']) {
        await expect(storage.put(key, 'x')).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
      }
    });

    it('builds public URLs under its base with each part escaped', () => {
      const url = storage.publicUrl('shows/my show/feed.xml');
      expect(url.endsWith('/shows/my%20show/feed.xml')).toBe(true);
    });
  });
}
