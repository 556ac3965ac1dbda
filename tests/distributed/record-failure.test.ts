import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeRecord } from '../../src/core/episode.js';
import { BriefcastError, ErrorCodes } from '../../src/core/errors.js';
import { createInProcessLock } from '../../src/core/keyed-lock.js';
import { silentLogger } from '../../src/core/logger.js';
import type { PipelineContext } from '../../src/pipeline/context.js';
import { EpisodeStore } from '../../src/pipeline/episode-store.js';
import { recordFailure } from '../../src/queue/record-failure.js';
import { LocalStorage } from '../../src/storage/local-storage.js';
import type { Storage } from '../../src/storage/storage.js';

/**
 * Found by scripts/bench-faults.ts: with S3 unreachable for 30 s, jobs used up
 * their attempts and failed for good, and the one write that marks the episode
 * failed failed too (storage was still down), leaving episodes "synthesising"
 * with no job left to move them. The failure is now written again until
 * storage answers.
 */
describe('recording a job failure while storage is down', () => {
  let root: string;
  let inner: LocalStorage;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-record-failure-'));
    inner = new LocalStorage({ root, publicBaseUrl: 'http://127.0.0.1' });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** The real local backend, unreachable for its first `down` writes. */
  function outage(down: number): Storage {
    const storage = Object.create(inner) as Storage;
    let writes = 0;
    storage.put = async (...args: Parameters<Storage['put']>) => {
      writes += 1;
      if (writes <= down) throw new BriefcastError(ErrorCodes.STORAGE_FAILED, 'connect ECONNREFUSED 127.0.0.1:9000', { retryable: true });
      return inner.put(...args);
    };
    return storage;
  }

  const record = (id: string): EpisodeRecord =>
    ({ id, showId: 's', title: 'T', date: '2026-01-01', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', status: 'synthesising', description: '', sources: [] }) as unknown as EpisodeRecord;
  const ctxWith = (work: Storage) => ({ work, lock: createInProcessLock(), now: () => new Date() }) as unknown as PipelineContext;
  const failure = new BriefcastError(ErrorCodes.STORAGE_FAILED, 'S3 unreachable', { retryable: true });

  it('marks the episode failed with its reason once storage answers again', async () => {
    await new EpisodeStore(inner).saveEpisode(record('e1'));
    const done = await recordFailure(ctxWith(outage(3)), { showId: 's', episodeId: 'e1' }, failure, false, { logger: silentLogger(), firstDelayMs: 10 });
    expect(done).toBe(true);
    const stored = await new EpisodeStore(inner).findEpisode('s', 'e1');
    expect(stored?.status).toBe('failed');
    expect(stored?.error?.code).toBe('STORAGE_FAILED');
  });

  it('gives up after its time limit and says so, leaving the record as it was', async () => {
    await new EpisodeStore(inner).saveEpisode(record('e2'));
    const done = await recordFailure(ctxWith(outage(1_000)), { showId: 's', episodeId: 'e2' }, failure, false, { logger: silentLogger(), firstDelayMs: 10, giveUpAfterMs: 100 });
    expect(done).toBe(false);
    expect((await new EpisodeStore(inner).findEpisode('s', 'e2'))?.status).toBe('synthesising');
  });
});
