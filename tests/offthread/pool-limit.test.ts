import { afterAll, describe, expect, it } from 'vitest';
import { closeOffThreadPool, limitOffThreadPool, offThreadThreadCount, runOffThread } from '../../src/offthread/pool.js';

const run = { timeoutMs: 30_000, overTimeMessage: 'the warm-up took too long', limit: 'test' };

describe('a worker pool limited to one thread (a queue worker)', () => {
  afterAll(() => closeOffThreadPool());

  it('runs tasks that arrive together on its one thread', async () => {
    limitOffThreadPool(1);
    const results = await Promise.all([1, 2, 3].map(() => runOffThread({ kind: 'warm' }, run)));
    expect(results.map((r) => r.kind)).toEqual(['warm', 'warm', 'warm']);
    expect(await offThreadThreadCount()).toBe(1);
  });
});
