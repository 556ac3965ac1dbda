import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/create-server.js';
import { createApiHarness } from '../api/support/api-harness.js';
import { redactUrl, redactUrlsIn } from '../../src/core/redact.js';
import { defaultIngestOptions, ingestSources } from '../../src/ingest/index.js';

/** Issue 12, item 8: a credential in a URL never reaches a log line, a record or an error answer. */
describe('credentials in URLs', () => {
  it('redacts user:pass@ and key/token query parameters, and nothing else', () => {
    expect(redactUrl('https://alice:s3cret@news.example.com/a?id=7&key=abc&Token=t#x')).toBe('https://REDACTED@news.example.com/a?id=7&key=REDACTED&Token=REDACTED#x');
    expect(redactUrl('/api/shows/morning?key=bc_123&limit=5')).toBe('/api/shows/morning?key=REDACTED&limit=5');
    expect(redactUrl('https://news.example.com/a?id=7')).toBe('https://news.example.com/a?id=7');
    expect(redactUrlsIn('fetching http://u:p@h.example/x?api_key=1 failed')).toBe('fetching http://REDACTED@h.example/x?api_key=REDACTED failed');
  });

  it('names a refused URL without its credentials', async () => {
    const error = (await ingestSources(['http://alice:s3cret@127.0.0.1:9/page?token=tok'], { ...defaultIngestOptions }).then(() => new Error("fetched"), (e: unknown) => e)) as Error & { subject?: string };
    expect(error.subject).toBeDefined();
    expect(`${error.subject} ${error.message}`).not.toMatch(/s3cret|tok\b|alice/);
  });

  it('never writes a ?key= or token to the request log', async () => {
    const h = await createApiHarness();
    const log = new PassThrough();
    let written = '';
    log.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const server = await createServer({ publishDir: h.app.config.publishDir, api: h.services.api, logger: true, logStream: log });
    try {
      await server.inject({ method: 'GET', url: `/api/shows?key=${h.keys.admin}&access_token=tok123` });
      await server.inject({ method: 'GET', url: `/shows/x/feed.xml?token=tok456` });
      expect(written).toContain('key=REDACTED');
      expect(written).not.toContain(h.keys.admin);
      expect(written).not.toMatch(/tok123|tok456/);
    } finally {
      await server.close();
      await h.dispose();
    }
  });
});
