import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAddress, defaultIngestOptions, ingestSources, safeFetch, type SafeFetchOptions } from '../../src/ingest/index.js';
import { ingestUrl } from '../../src/ingest/ingest-url.js';
import { mapLookup, startLoopbackServer, type LoopbackServer } from './loopback-server.js';
import { briefcastFailure as failure } from '../support/briefcast-failure.js';

const ARTICLE = `<!doctype html><html><head><title>Loopback news</title></head><body><article><h1>Loopback news</h1>
<p>${'The loopback server published a story about local testing. '.repeat(6)}</p>
<p>It has a second paragraph too, with more words to read aloud.</p></article></body></html>`;

let server: LoopbackServer;
const pending = new Set<() => void>();

beforeAll(async () => {
  server = await startLoopbackServer({
    '/article': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE),
    '/plain': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('Plain headline\n\nPlain body text.'),
    '/latin1': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' })
        .end(Buffer.from('<html><body><h1>Caf\xe9</h1><p>Cr\xe8me br\xfbl\xe9e for everyone at the caf\xe9 today.</p></body></html>', 'latin1')),
    '/meta-charset': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(Buffer.from('<html><head><meta charset="windows-1252"></head><body><h1>Na\xefve</h1><p>A na\xefve \x93quoted\x94 story.</p></body></html>', 'latin1')),
    '/redirect/1': (_req, res) => res.writeHead(302, { location: '/redirect/0' }).end(),
    '/redirect/2': (_req, res) => res.writeHead(301, { location: '/redirect/1' }).end(),
    '/redirect/3': (_req, res) => res.writeHead(307, { location: '/redirect/2' }).end(),
    '/redirect/0': (_req, res) => res.writeHead(308, { location: '../article' }).end(),
    '/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
    '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/to-internal': (_req, res) => res.writeHead(302, { location: `http://internal.test:${server.port}/secret` }).end(),
    '/to-literal': (_req, res) => res.writeHead(302, { location: `http://127.0.0.2:${server.port}/secret` }).end(),
    '/to-localhost': (_req, res) => res.writeHead(302, { location: `http://localhost:${server.port}/secret` }).end(),
    '/secret': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>internal secret</p>'),
    '/big-declared': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000' }).end('x'.repeat(5000)),
    '/big-streamed': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      let sent = 0;
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      // Paced and bounded (at most 200 chunks); it stops as soon as the client hangs up.
      const timer = setInterval(() => {
        if (res.destroyed || sent >= 200) {
          clearInterval(timer);
          res.end();
          return;
        }
        sent++;
        res.write(chunk);
      }, 5);
      res.on('close', () => {
        clearInterval(timer);
        server.hits.set('/big-streamed:chunks', sent);
      });
    },
    '/hang': () => {
      // Never answers; the socket is closed by the server's close() at the end.
    },
    '/stall-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>first part');
    },
    '/missing': (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('gone'),
    '/busy': (_req, res) => res.writeHead(503, { 'retry-after': '7' }).end('busy'),
    '/image': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  });
});

afterAll(async () => {
  for (const release of pending) release();
  await server.close();
});

const open = { ...defaultIngestOptions, allowPrivateNetwork: true };
const fetchOptions = (overrides: Partial<SafeFetchOptions> = {}): SafeFetchOptions => ({
  ...open,
  accept: 'text/html',
  isAllowedType: (type) => type === 'text/html' || type === 'text/plain' || type === '',
  ...overrides,
});


describe('URL ingest over real HTTP on 127.0.0.1', () => {
  it('fetches and extracts an article, keeping the URL as source and url', async () => {
    const url = `${server.origin}/article`;
    const [article] = await ingestSources([url], { allowPrivateNetwork: true });
    expect(article).toMatchObject({ title: 'Loopback news', source: url, url });
    expect(article?.text).toContain('It has a second paragraph too');
  });

  it('reads text/plain bodies as plain-text articles', async () => {
    const [article] = await ingestSources([`${server.origin}/plain`], { allowPrivateNetwork: true });
    expect(article).toMatchObject({ title: 'Plain headline', text: 'Plain body text.' });
  });

  it('honours the charset from the Content-Type header and from <meta>', async () => {
    const [fromHeader, fromMeta] = await ingestSources([`${server.origin}/latin1`, `${server.origin}/meta-charset`], { allowPrivateNetwork: true });
    expect(fromHeader?.text).toBe('Crème brûlée for everyone at the café today.');
    expect(fromMeta?.text).toBe('A naïve “quoted” story.');
  });

  it('follows redirects, relative ones included, and reports the final URL', async () => {
    const response = await safeFetch(`${server.origin}/redirect/3`, fetchOptions());
    expect(response.url).toBe(`${server.origin}/article`);
    expect(new TextDecoder().decode(response.body)).toContain('Loopback news');
  });

  it('stops after maxRedirects with URL_TOO_MANY_REDIRECTS', async () => {
    const error = await failure(safeFetch(`${server.origin}/redirect/3`, fetchOptions({ maxRedirects: 2 })));
    expect(error).toMatchObject({ code: 'URL_TOO_MANY_REDIRECTS', subject: `${server.origin}/redirect/3` });
    expect((await failure(safeFetch(`${server.origin}/loop`, fetchOptions()))).code).toBe('URL_TOO_MANY_REDIRECTS');
  });

  it('refuses a redirect to a non-http scheme', async () => {
    expect((await failure(safeFetch(`${server.origin}/to-file`, fetchOptions()))).code).toBe('URL_REFUSED');
  });

  it('refuses a body whose Content-Length exceeds maxBytes', async () => {
    const error = await failure(safeFetch(`${server.origin}/big-declared`, fetchOptions({ maxBytes: 1000 })));
    expect(error).toMatchObject({ code: 'INPUT_TOO_LARGE', subject: `${server.origin}/big-declared` });
  });

  it('stops reading a streamed body once it passes maxBytes', async () => {
    const error = await failure(safeFetch(`${server.origin}/big-streamed`, fetchOptions({ maxBytes: 40 * 1024 })));
    expect(error.code).toBe('INPUT_TOO_LARGE');
    // The server records how much it sent when the client hangs up; wait for that event.
    for (let i = 0; i < 100 && !server.hits.has('/big-streamed:chunks'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(server.hits.get('/big-streamed:chunks')).toBeLessThan(200);
  });

  it('times out a server that never answers, and one that stalls mid-body', async () => {
    const hang = await failure(safeFetch(`${server.origin}/hang`, fetchOptions({ fetchTimeoutMs: 300 })));
    expect(hang).toMatchObject({ code: 'URL_TIMEOUT', retryable: true, subject: `${server.origin}/hang` });
    const stall = await failure(safeFetch(`${server.origin}/stall-body`, fetchOptions({ fetchTimeoutMs: 300 })));
    expect(stall).toMatchObject({ code: 'URL_TIMEOUT', retryable: true });
  });

  it('maps non-2xx to URL_HTTP_STATUS, retryable only for server trouble', async () => {
    const missing = await failure(safeFetch(`${server.origin}/missing`, fetchOptions()));
    expect(missing).toMatchObject({ code: 'URL_HTTP_STATUS', retryable: false, details: { status: 404 } });
    const busy = await failure(safeFetch(`${server.origin}/busy`, fetchOptions()));
    expect(busy).toMatchObject({ code: 'URL_HTTP_STATUS', retryable: true, retryAfterSeconds: 7 });
  });

  it('refuses content that is neither HTML nor text', async () => {
    const error = await failure(ingestSources([`${server.origin}/image`], { allowPrivateNetwork: true }));
    expect(error).toMatchObject({ code: 'INPUT_UNSUPPORTED', subject: `${server.origin}/image` });
  });

  it('reports a closed port as URL_UNREACHABLE (retryable) and an unknown host as not retryable', async () => {
    const gone = await startLoopbackServer({});
    await gone.close();
    const refused = await failure(safeFetch(`${gone.origin}/`, fetchOptions()));
    expect(refused).toMatchObject({ code: 'URL_UNREACHABLE', retryable: true });
    const unknown = await failure(safeFetch('http://nowhere.test/', fetchOptions({ lookup: mapLookup({}) })));
    expect(unknown).toMatchObject({ code: 'URL_UNREACHABLE', retryable: false, subject: 'http://nowhere.test/' });
  });
});

describe('address safety', () => {
  it('refuses loopback by default: IP literal, localhost and [::1]', async () => {
    const before = server.hits.get('/article') ?? 0;
    for (const url of [`${server.origin}/article`, `http://localhost:${server.port}/article`, `http://[::1]:${server.port}/article`]) {
      const error = await failure(ingestSources([url]));
      expect(error).toMatchObject({ code: 'URL_REFUSED', subject: url });
    }
    expect(server.hits.get('/article') ?? 0).toBe(before);
  });

  it('checks the resolved address at connect time (a name that resolves to loopback is refused)', async () => {
    const before = server.hits.get('/secret') ?? 0;
    const error = await failure(
      ingestUrl(`http://rebind.test:${server.port}/secret`, defaultIngestOptions, { lookup: mapLookup({ 'rebind.test': '127.0.0.1' }) }),
    );
    expect(error.code).toBe('URL_REFUSED');
    expect(server.hits.get('/secret') ?? 0).toBe(before);
  });

  it('refuses a redirect from an allowed host to a private one, by name or by literal', async () => {
    // 127.0.0.1 stands in for a public host here; everything else gets the real policy.
    const options = fetchOptions({
      allowPrivateNetwork: false,
      lookup: mapLookup({ 'public.test': '127.0.0.1', 'internal.test': '127.0.0.2' }),
      addressPolicy: (address) => (address === '127.0.0.1' ? { allowed: true } : checkAddress(address, false)),
    });
    const start = `http://public.test:${server.port}`;
    expect((await safeFetch(`${start}/article`, options)).status).toBe(200);
    for (const path of ['/to-internal', '/to-literal', '/to-localhost']) {
      const error = await failure(safeFetch(`${start}${path}`, options));
      expect(error).toMatchObject({ code: 'URL_REFUSED', subject: `${start}${path}` });
    }
    expect(server.hits.get('/secret') ?? 0).toBe(0);
  });
});
