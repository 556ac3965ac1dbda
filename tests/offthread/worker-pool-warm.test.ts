import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { closeOffThreadPool, offThreadThreadCount } from '../../src/offthread/pool.js';
import { prepareWorkerPool } from '../../src/queue/run-worker-process.js';

/** A queue worker that writes scripts has its one pool thread loaded before it takes a job, and keeps it. */
describe("a queue worker's pool", () => {
  afterAll(() => closeOffThreadPool());

  it('starts no thread in a worker that does not serve the script queue', async () => {
    await prepareWorkerPool(['synthesise', 'stitch']);
    expect(await offThreadThreadCount()).toBe(0);
  });

  it('has its one thread loaded when ready in a worker serving the script queue, and keeps it past the idle timeout', async () => {
    await prepareWorkerPool(['script', 'synthesise']);
    expect(await offThreadThreadCount()).toBe(1);
    await sleep(1_500);
    expect(await offThreadThreadCount()).toBe(1);
  });
});
