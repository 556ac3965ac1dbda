import { afterAll, describe, expect, it } from 'vitest';
import { defaultHtmlLimits } from '../../src/ingest/html-limits.js';
import { closeOffThreadPool, limitOffThreadPool, offThreadThreadCount, runOffThread } from '../../src/offthread/pool.js';

const run = { timeoutMs: 30_000, overTimeMessage: 'the task took too long', limit: 'test' };

describe('a worker pool limited to one thread with the script tasks only (a queue worker)', () => {
  afterAll(() => closeOffThreadPool());

  it('runs tasks that arrive together on its one thread', async () => {
    limitOffThreadPool(1, { scriptTasksOnly: true });
    const results = await Promise.all([1, 2, 3].map(() => runOffThread({ kind: 'warm' }, run)));
    expect(results.map((r) => r.kind)).toEqual(['warm', 'warm', 'warm']);
    expect(await offThreadThreadCount()).toBe(1);
  });

  it('still parses a page: the thread loads the full entry for a task of another kind', async () => {
    const html = '<html><head><title>Harbour opens</title></head><body><article><h1>Harbour opens</h1><p>The new harbour opened on Monday after three years of building work, the council said.</p><p>About two hundred boats can now moor there at once.</p></article></body></html>';
    const result = await runOffThread({ kind: 'page', format: 'html', text: html, source: 'harbour.html', limits: defaultHtmlLimits }, run);
    expect(result.article.title).toBe('Harbour opens');
    expect(result.article.text).toContain('two hundred boats');
    expect(await offThreadThreadCount()).toBe(1);
  });
});
