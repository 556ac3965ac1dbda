import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { parseShowConfig } from '../../src/config/load-show.js';
import { silentLogger } from '../../src/core/logger.js';
import { createEpisode } from '../../src/pipeline/build-now.js';
import { sampleAudio } from '../tts/support/audio.js';
import { startFakeOpenAi, type FakeOpenAi } from '../tts/support/fake-openai.js';
import { briefcastFailure } from '../support/briefcast-failure.js';

const fixtures = new URL('../fixtures/pipeline/', import.meta.url).pathname;

/**
 * An embedded build starts all its pieces at once and holds their engine calls to the synthesis
 * slots. When the vendor refuses the key, the first refusal fails the episode and the pieces still
 * waiting for a slot make no request. The real OpenAI provider against a stand-in of its speech endpoint.
 */
describe('an embedded build whose paid voice is refused', () => {
  let root: string;
  let app: App;
  let server: FakeOpenAi;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-fail-fast-'));
    const audio = await sampleAudio();
    server = await startFakeOpenAi({ apiKey: 'sk-right', voices: ['alloy'], mp3: audio.mp3, wav: audio.wav });
    const config = loadConfig({
      BRIEFCAST_DATA_DIR: join(root, 'data'),
      BRIEFCAST_PUBLISH_DIR: join(root, 'pub'),
      BRIEFCAST_CONCURRENCY: '1',
      OPENAI_API_KEY: 'sk-wrong',
      OPENAI_BASE_URL: `${server.origin}/v1`,
    });
    app = createApp(config, { logger: silentLogger() });
  });
  afterAll(async () => {
    await app?.close();
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('fails with the refusal after one request, not one per piece', async () => {
    const show = parseShowConfig({ id: 'paid-show', title: 'Paid', description: 'd', author: 'a', targetMinutes: 2, voice: { provider: 'openai', name: 'alloy' } });
    const sources = ['orchard.txt', 'harbour.md', 'telescope.md'].map((name) => join(fixtures, name));
    const failure = await briefcastFailure(createEpisode(app.ctx, { show, sources, date: new Date('2026-11-28T12:00:00Z') }));
    expect(failure.code).toBe('TTS_AUTH');
    const speechRequests = server.requests.filter((request) => request.url === '/v1/audio/speech');
    expect(speechRequests).toHaveLength(1);
  });
});
