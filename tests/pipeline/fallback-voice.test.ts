import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { parseShowConfig } from '../../src/config/load-show.js';
import { BriefcastError, ErrorCodes } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import { createEpisode } from '../../src/pipeline/build-now.js';
import { ProviderRegistry } from '../../src/tts/provider-registry.js';

const fixtures = new URL('../fixtures/pipeline/', import.meta.url).pathname;

describe('fallback voice in a whole episode', () => {
  let root: string;
  let app: App;
  let calls = 0;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-fallback-'));
    // A provider that is down (a server error every time); retries are instant so the test stays short.
    const providers = new ProviderRegistry({ retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 } }).register('down', () => ({
      name: 'down',
      engineId: 'down@1',
      limits: { maxCharacters: 1000, ssml: false, outputFormats: ['wav'] },
      listVoices: async () => [{ name: 'v1', language: 'en' }],
      synthesize: async () => {
        calls += 1;
        throw new BriefcastError(ErrorCodes.TTS_FAILED, 'service unavailable (503)', { retryable: true });
      },
    }));
    app = createApp(loadConfig({ BRIEFCAST_DATA_DIR: join(root, 'data'), BRIEFCAST_PUBLISH_DIR: join(root, 'pub') }), { logger: silentLogger(), providers });
  });
  afterAll(async () => {
    await app?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('publishes with the next voice of the chain and records who spoke each segment', async () => {
    const show = parseShowConfig({
      id: 'fallback-show',
      title: 'Fallback',
      description: 'd',
      author: 'a',
      targetMinutes: 0.5,
      voice: { provider: 'down', name: 'v1' },
      voices: { fallback: [{ provider: 'espeak', name: 'en-gb' }] },
    });
    const record = await createEpisode(app.ctx, { show, sources: [join(fixtures, 'orchard.txt')], date: new Date('2026-11-28T12:00:00Z') });
    expect(record.status).toBe('published');
    expect(calls).toBeGreaterThan(0);
    expect(record.segments.length).toBeGreaterThan(2);
    for (const segment of record.segments) expect({ provider: segment.provider, voice: segment.voice }).toEqual({ provider: 'espeak', voice: 'en-gb' });
  });
});
