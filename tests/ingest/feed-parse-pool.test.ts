import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultIngestOptions } from '../../src/ingest/index.js';
import { fetchNewsFeed } from '../../src/ingest/feeds/index.js';
import { parseNewsFeed } from '../../src/ingest/feeds/parse-news-feed.js';
import { closeOffThreadPool } from '../../src/offthread/pool.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

/**
 * Issue 12 (bounded parsing): a fetched news feed is parsed in the worker pool
 * with the HTML time cap, not on the main thread with only a depth pre-scan. A
 * wide, shallow feed (no depth cap applies) that takes longer than the cap to
 * parse fails with INPUT_LIMIT naming the cap, and the event loop keeps
 * serving meanwhile.
 */
const wideFeed = (items: number) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Wide</title>${Array.from(
    { length: items },
    (_, i) => `<item><title>Story ${i}</title><link>https://news.example/${i}</link><description>&lt;p&gt;Paragraph &lt;b&gt;${i}&lt;/b&gt; of the story.&lt;/p&gt;&lt;p&gt;Another paragraph.&lt;/p&gt;</description></item>`,
  ).join('')}</channel></rss>`;

describe('news feeds parsed off the main thread, under the time cap', () => {
  let server: LoopbackServer;
  const big = wideFeed(15_000);
  beforeAll(async () => {
    server = await startLoopbackServer({
      '/wide': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(big),
      '/small': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(wideFeed(3)),
    });
  });
  afterAll(async () => {
    await server.close();
    await closeOffThreadPool();
  });

  const options = { ...defaultIngestOptions, allowPrivateNetwork: true, maxBytes: 10 * 1024 * 1024 };

  it('parses an ordinary feed in the pool with the same result as on the main thread', async () => {
    const items = await fetchNewsFeed(`${server.origin}/small`, options);
    expect(items.map((item) => item.title)).toEqual(['Story 0', 'Story 1', 'Story 2']);
    expect(items).toEqual(parseNewsFeed(new TextEncoder().encode(wideFeed(3)), `${server.origin}/small`));
  });

  it('fails a feed over the time cap with INPUT_LIMIT while the event loop stays free', async () => {
    // The same feed parsed on this thread takes well over the cap: that is what the cap must stop.
    const started = performance.now();
    parseNewsFeed(new TextEncoder().encode(big), 'https://news.example/wide');
    const mainThreadMs = performance.now() - started;
    const cap = 100;
    expect(mainThreadMs).toBeGreaterThan(cap * 2);

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const error = await fetchNewsFeed(`${server.origin}/wide`, { ...options, parseTimeoutMs: cap }).catch((e: unknown) => e);
    delay.disable();
    expect(error).toMatchObject({ code: 'INPUT_LIMIT', details: { limit: 'parseTimeoutMs', max: cap } });
    expect((error as Error).message).toBe(`the feed took longer than ${cap} ms to parse`);
    // Coarse: only parsing on this thread (hundreds of ms to seconds) would break it.
    expect(delay.max / 1e6).toBeLessThan(mainThreadMs);
  });
});
