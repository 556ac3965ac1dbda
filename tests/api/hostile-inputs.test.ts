import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeOffThreadPool } from '../../src/offthread/pool.js';
import { startLoopbackServer, type LoopbackServer } from '../ingest/loopback-server.js';
import { createApiHarness, morningShow, type ApiHarness } from './support/api-harness.js';

/** `depth` nested divs around one paragraph: the page that froze the server for 14.5 s at depth 1,500. */
const nested = (depth: number) => `${'<div>'.repeat(depth)}<p>x.</p>${'</div>'.repeat(depth)}`;

/** gzip of `megabytes` of zeros, made by streaming (never held uncompressed). */
async function gzipBomb(megabytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) {
    if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * Issue 12, items 1 and 2, and the standing hostile-input suite: each request
 * gets its status and a one-line reason, while the event loop keeps serving
 * (max delay under a coarse 1 s bound; it was 14.5 s) and memory stays bounded.
 */
describe('hostile input to the API', () => {
  let h: ApiHarness;
  let base: string;
  let web: LoopbackServer;
  let histogram: IntervalHistogram;
  let rssBefore: number;
  const headers = () => ({ ...h.auth(h.keys.morning), 'content-type': 'application/json' });

  beforeAll(async () => {
    h = await createApiHarness({ BRIEFCAST_API_BODY_LIMIT: String(8 * 1024 * 1024), BRIEFCAST_API_RATE_LIMIT: '1000' });
    base = await h.server.listen({ host: '127.0.0.1', port: 0 });
    const created = await h.server.inject({ method: 'POST', url: '/api/shows', headers: h.auth(h.keys.admin), payload: morningShow });
    expect(created.statusCode).toBe(201);
    const bomb = await gzipBomb(300);
    const deepFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}<item><title>a</title></item></channel></rss>`;
    web = await startLoopbackServer({
      '/bomb.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb),
      '/bomb-raw.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(bomb),
      '/picture.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Array(4000).fill(0)])),
      '/deep.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(nested(200_000)),
      '/deep-list.md': (_req, res) => res.writeHead(200, { 'content-type': 'text/markdown' }).end(`# Lists\n\n${Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n')}`),
      '/deep-quote.md': (_req, res) => res.writeHead(200, { 'content-type': 'text/markdown' }).end(`# Quotes\n\n${'> '.repeat(5000)}deep words here.`),
      '/emphasis.md': (_req, res) => res.writeHead(200, { 'content-type': 'text/markdown' }).end(`# Stars\n\n${'*'.repeat(50_000)}x${'*'.repeat(50_000)}`),
      '/deep-feed.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(deepFeed),
    });
    rssBefore = process.memoryUsage().rss;
    histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
  });
  afterAll(async () => {
    histogram?.disable();
    await web?.close();
    await h?.dispose();
    await closeOffThreadPool();
  });

  /** Posts through real HTTP while a second client reads a public path; both must answer. */
  async function post(body: unknown): Promise<{ status: number; error?: { code: string; message: string } }> {
    const payload = typeof body === 'string' ? body : JSON.stringify(body);
    const [response, health] = await Promise.all([
      fetch(`${base}/api/shows/morning/episodes`, { method: 'POST', headers: headers(), body: payload }),
      new Promise((resolve) => setTimeout(resolve, 50)).then(() => fetch(`${base}/healthz`)),
    ]);
    expect(health.status).toBe(200);
    const json = (await response.json()) as { error?: { code: string; message: string } };
    return { status: response.status, ...(json.error ? { error: json.error } : {}) };
  }

  it('refuses deeply nested inline HTML with 422 naming the depth cap, at several depths', async () => {
    for (const depth of [500, 1500, 5000]) {
      const answer = await post({ draft: true, articles: [{ html: nested(depth) }] });
      expect(answer.status, `depth ${depth}`).toBe(422);
      expect(answer.error).toEqual({ code: 'INPUT_LIMIT', message: 'HTML nests deeper than 256 elements', subject: 'articles[0]' });
    }
  });

  it('still accepts ordinary nesting', async () => {
    const html = `${'<div>'.repeat(60)}<h1>Harbour ferry returns</h1><p>The harbour ferry returned to service on Monday after a month of repairs. Crews replaced both engines.</p>${'</div>'.repeat(60)}`;
    const answer = await post({ draft: true, articles: [{ html }] });
    expect(answer.status).toBe(202);
  });

  it('refuses a 2.2 MB page of 200,000 nested divs fetched by URL with 422', async () => {
    const answer = await post({ draft: true, urls: [`${web.origin}/deep.html`] });
    expect(answer.status).toBe(422);
    expect(answer.error?.message).toBe('HTML nests deeper than 256 elements');
  });

  it('refuses an 80,000-word article with no full stops with 422 naming the word cap', async () => {
    const answer = await post({ draft: true, targetMinutes: 0.5, articles: [{ title: 'Run-on', text: 'word '.repeat(80_000) }] });
    expect(answer.status).toBe(422);
    expect(answer.error?.code).toBe('INPUT_LIMIT');
    expect(answer.error?.message).toMatch(/^article has 80000 words, more than the 30000 allowed/);
  });

  it('stops a gzip bomb at the size cap and refuses gzip bytes served as text/html as binary', async () => {
    const inflated = await post({ draft: true, urls: [`${web.origin}/bomb.html`] });
    expect(inflated.status).toBe(413);
    expect(inflated.error?.message).toMatch(/^decompressed response larger than \d+ bytes$/);
    const raw = await post({ draft: true, urls: [`${web.origin}/bomb-raw.html`] });
    expect(raw.status).toBe(400);
    expect(raw.error).toEqual({ code: 'INPUT_BINARY', message: 'binary content, not a text article', subject: `${web.origin}/bomb-raw.html` });
    const picture = await post({ draft: true, urls: [`${web.origin}/picture.html`] });
    expect(picture.error?.code).toBe('INPUT_BINARY');
  });

  it('refuses Markdown that nests lists 1,500 or quotes 5,000 deep, or runs 50,000 emphasis marks, with 422', async () => {
    // Before: the list took minutes, the quotes and the stars overflowed marked's stack.
    const expected: Record<string, RegExp> = {
      'deep-list.md': /^Markdown is indented deeper than 64 columns$/,
      'deep-quote.md': /^Markdown quotes nest deeper than 16 levels$/,
      'emphasis.md': /^Markdown has a run of more than 128 emphasis or bracket marks$/,
    };
    for (const [file, reason] of Object.entries(expected)) {
      const answer = await post({ draft: true, urls: [`${web.origin}/${file}`] });
      expect(answer.status, file).toBe(422);
      expect(answer.error?.message, file).toMatch(reason);
    }
  });

  it('refuses a news feed with 100,000 nested elements with 422, not a 500', async () => {
    const answer = await post({ draft: true, feeds: [`${web.origin}/deep-feed.xml`] });
    expect(answer.status).toBe(422);
    expect(answer.error).toEqual({ code: 'INPUT_LIMIT', message: 'feed nests deeper than 64 elements', subject: `${web.origin}/deep-feed.xml` });
  });

  it('refuses a 100,000-deep JSON body with 400 before parsing it', async () => {
    const answer = await post(`{"articles":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(answer.status).toBe(400);
    expect(answer.error?.message).toMatch(/nests deeper than 64/);
  });

  it('kept the event loop responsive and memory bounded throughout', () => {
    const maxDelayMs = histogram.max / 1e6;
    const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    console.log(`hostile-input suite: event-loop max delay ${maxDelayMs.toFixed(0)} ms, p99 ${(histogram.percentile(99) / 1e6).toFixed(0)} ms; rss growth ${rssGrowthMb.toFixed(0)} MB`);
    expect(maxDelayMs).toBeLessThan(1000);
    // Under the 300 MB the bomb inflates to, above what the worker pool's two threads take (each loads
    // the parsers and the script writer: 76 to 216 MB of growth was seen, the most on a loaded CI machine).
    expect(rssGrowthMb).toBeLessThan(280);
  });
});
