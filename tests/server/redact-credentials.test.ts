import { describe, expect, it } from 'vitest';
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
});
