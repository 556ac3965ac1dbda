import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showConfigSchema } from '../../src/config/show-config.js';
import { createApiHarness, morningShow, type ApiHarness } from './support/api-harness.js';

const secret = 'a-webhook-secret-for-tests-only';

/** Issue 12, item 7: each of these shows was accepted and failed later; now each is a 400 naming the field. */
describe('show validation gaps', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await createApiHarness();
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['a file:// webhook', { webhooks: { endpoints: [{ url: 'file:///etc/passwd' }], secret } }, /webhooks\.endpoints\.0\.url: must be an http\(s\) URL/],
    ['a gopher:// webhook', { webhooks: { endpoints: [{ url: 'gopher://127.0.0.1:6379/_FLUSHALL' }], secret } }, /must be an http\(s\) URL/],
    ['a file:// schedule feed', { schedule: { cron: '0 7 * * *', feeds: ['file:///etc/passwd'] } }, /schedule\.feeds\.0: must be an http\(s\) URL/],
    ['voice.provider "__proto__"', { voice: { provider: '__proto__', name: 'en-us' } }, /voice\.provider: must be a registered name/],
    ['an unregistered voice.provider', { voice: { provider: 'nosuch', name: 'en-us' } }, /unknown TTS provider "nosuch"/],
    ['a voice named "-w /tmp/x"', { voice: { provider: 'espeak', name: '-w /tmp/x' } }, /voice\.name: a voice name cannot start with "-"/],
    ['a voice name with a control character', { voice: { provider: 'espeak', name: 'en\nus' } }, /control characters/],
    ['writer "../../etc"', { script: { writer: '../../etc' } }, /script\.writer: must be a registered name/],
    ['an unknown writer', { script: { writer: 'poet' } }, /unknown script writer "poet"/],
    ['music.intro as an http URL', { music: { intro: 'http://127.0.0.1:9/intro.mp3' } }, /music\.intro: must be a file path, not a URL/],
  ];

  it.each(cases)('refuses %s with 400 and the reason', async (_name, extra, reason) => {
    const response = await h.server.inject({ method: 'POST', url: '/api/shows', headers: h.auth(h.keys.admin), payload: { ...morningShow, ...extra } });
    expect(response.statusCode).toBe(400);
    const { error } = response.json() as { error: { code: string; message: string; subject?: string } };
    expect(`${error.subject ? `${error.subject}: ` : ''}${error.message}`).toMatch(reason);
  });

  it('still accepts a show with http(s) webhooks and feeds, a registered provider and writer', async () => {
    const show = { ...morningShow, webhooks: { endpoints: [{ url: 'https://hooks.example.com/x' }], secret }, schedule: { cron: '0 7 * * *', feeds: ['https://news.example.com/rss'] }, voice: { provider: 'espeak', name: 'en-gb' }, script: { writer: 'extractive' } };
    const response = await h.server.inject({ method: 'POST', url: '/api/shows', headers: h.auth(h.keys.admin), payload: show });
    expect(response.statusCode, response.body).toBe(201);
  });

  it('refuses a music URL in a show file too (the CLI schema is the same)', () => {
    const parsed = showConfigSchema.safeParse({ ...morningShow, music: { intro: 'https://cdn.example.com/intro.mp3' } });
    expect(parsed.success).toBe(false);
    expect(showConfigSchema.safeParse({ ...morningShow, music: { intro: 'music/intro.mp3' } }).success).toBe(true);
  });
});
