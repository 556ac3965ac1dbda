import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBriefcastError } from '../../src/core/errors.js';
import { EpisodeStore } from '../../src/pipeline/episode-store.js';
import { LocalStorage } from '../../src/storage/local-storage.js';
import type { Storage } from '../../src/storage/storage.js';

describe('episode store reads', () => {
  let root: string;
  let inner: LocalStorage;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-store-'));
    inner = new LocalStorage({ root, publicBaseUrl: 'http://127.0.0.1' });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** A backend that serves a torn (half-written) object on the first `torn` reads of a key. */
  function tornReads(torn: number): Storage {
    const storage = Object.create(inner) as Storage;
    let reads = 0;
    storage.get = async (key: string) => {
      const bytes = await inner.get(key);
      reads += 1;
      return reads <= torn ? bytes.subarray(0, Math.floor(bytes.length / 2)) : bytes;
    };
    return storage;
  }

  it('reads a document again when a backend served it half-written', async () => {
    await new EpisodeStore(inner).saveArticles('s', 'e1', [{ id: 'a', title: 'T', text: 'x'.repeat(200), source: 's' }]);
    const articles = await new EpisodeStore(tornReads(2)).getArticles('s', 'e1');
    expect(articles[0]!.title).toBe('T');
  });

  it('reports a document that stays unreadable as a retryable storage failure', async () => {
    const error = await new EpisodeStore(tornReads(100)).getArticles('s', 'e1').catch((e: unknown) => e);
    expect(isBriefcastError(error, 'STORAGE_FAILED')).toBe(true);
    expect((error as { retryable: boolean }).retryable).toBe(true);
  });
});
