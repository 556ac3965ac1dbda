import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { closeOffThreadPool, keepOffThreadPoolWarm, offThreadThreadCount, POOL_IDLE_TIMEOUT_MS, runOffThread } from '../../src/offthread/pool.js';

const run = { timeoutMs: 30_000, overTimeMessage: 'the warm-up took too long', limit: 'test' };

/** The API server keeps one thread loaded between requests; a CLI run keeps none (cli tests exit promptly). */
describe('a worker pool kept warm', () => {
  afterAll(() => closeOffThreadPool());

  it('keeps one thread after its idle timeout has passed, and lets the second go', { timeout: POOL_IDLE_TIMEOUT_MS + 20_000 }, async () => {
    keepOffThreadPoolWarm();
    await Promise.all([runOffThread({ kind: 'warm' }, run), runOffThread({ kind: 'warm' }, run)]);
    expect(await offThreadThreadCount()).toBeGreaterThanOrEqual(1);
    await sleep(POOL_IDLE_TIMEOUT_MS + 2_000);
    expect(await offThreadThreadCount()).toBe(1);
    // The kept thread answers at once, without starting another.
    await runOffThread({ kind: 'warm' }, run);
    expect(await offThreadThreadCount()).toBe(1);
  });
});
