import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { closeOffThreadPool, keepOffThreadPoolWarm, offThreadThreadCount, runOffThread } from '../../src/offthread/pool.js';

const run = { timeoutMs: 30_000, overTimeMessage: 'the warm-up took too long', limit: 'test' };

/** The API server keeps one thread loaded between requests; a CLI run keeps none (cli tests exit promptly). */
describe('a worker pool kept warm', () => {
  afterAll(() => closeOffThreadPool());

  it('keeps one thread after its idle timeout (500 ms) has passed, and lets the second go', async () => {
    keepOffThreadPoolWarm();
    await Promise.all([runOffThread({ kind: 'warm' }, run), runOffThread({ kind: 'warm' }, run)]);
    expect(await offThreadThreadCount()).toBeGreaterThanOrEqual(1);
    await sleep(2_500);
    expect(await offThreadThreadCount()).toBe(1);
    // The kept thread answers at once, without starting another.
    await runOffThread({ kind: 'warm' }, run);
    expect(await offThreadThreadCount()).toBe(1);
  });
});
