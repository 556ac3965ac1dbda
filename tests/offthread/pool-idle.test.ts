import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { closeOffThreadPool, offThreadThreadCount, runOffThread } from '../../src/offthread/pool.js';

const run = { timeoutMs: 30_000, overTimeMessage: 'the warm-up took too long', limit: 'test' };

describe('a worker pool not kept warm (a CLI run, a queue worker)', () => {
  afterAll(() => closeOffThreadPool());

  it('lets every thread go after its idle timeout', async () => {
    await runOffThread({ kind: 'warm' }, run);
    expect(await offThreadThreadCount()).toBe(1);
    await sleep(2_500);
    expect(await offThreadThreadCount()).toBe(0);
  });
});
