import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApp, type App } from '../../../src/app.js';
import { createProducerServices, type ProducerServices } from '../../../src/producer.js';
import { loadConfig } from '../../../src/config/env.js';
import { silentLogger } from '../../../src/core/logger.js';
import { KeyStore } from '../../../src/auth/key-store.js';
import { createServer } from '../../../src/server/create-server.js';

export interface ApiHarness {
  root: string;
  app: App;
  services: ProducerServices;
  server: FastifyInstance;
  /** Unscoped key, a key scoped to "morning", and one scoped to "evening". */
  keys: { admin: string; morning: string; evening: string };
  auth(key: string): { authorization: string };
  dispose(): Promise<void>;
}

/**
 * A real API: real eSpeak NG and ffmpeg, local folders in a temporary
 * directory, embedded runner. Loopback fetching is enabled explicitly, since
 * the fixture feeds and pages are served on 127.0.0.1.
 */
export async function createApiHarness(env: Record<string, string> = {}): Promise<ApiHarness> {
  const root = await mkdtemp(join(tmpdir(), 'briefcast-api-'));
  const config = loadConfig({
    BRIEFCAST_DATA_DIR: join(root, 'data'),
    BRIEFCAST_PUBLISH_DIR: join(root, 'published'),
    BRIEFCAST_PUBLIC_URL: 'http://127.0.0.1:8080',
    BRIEFCAST_CONCURRENCY: '2',
    BRIEFCAST_ALLOW_PRIVATE_URLS: 'true',
    BRIEFCAST_WEBHOOK_BACKOFF_MS: '20',
    ...env,
  });
  const app = createApp(config, { logger: silentLogger() });
  const services = await createProducerServices(app);
  const server = await createServer({ publishDir: config.publishDir, api: services.api });
  const store = new KeyStore(config.api.keysFile);
  const keys = {
    admin: (await store.add({ name: 'admin' })).key,
    morning: (await store.add({ name: 'morning desk', showId: 'morning' })).key,
    evening: (await store.add({ name: 'evening desk', showId: 'evening' })).key,
  };
  return {
    root,
    app,
    services,
    server,
    keys,
    auth: (key) => ({ authorization: `Bearer ${key}` }),
    async dispose() {
      await server.close();
      await services.close();
      await app.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export const morningShow = {
  id: 'morning',
  title: 'Morning Harbour',
  description: 'A short test briefing.',
  author: 'Test Desk',
  // Named, since new shows default to `auto` and these tests pin eSpeak NG voice names per episode.
  voice: { provider: 'espeak' },
  targetMinutes: 0.5,
};

export const shortArticles = [
  {
    title: 'Council approves new footbridge',
    text: 'The city council approved a new footbridge over the river on Tuesday. Work starts in spring and should take two years. The bridge will cost twelve million pounds, paid by the regional transport fund.',
  },
];

/** Polls an episode until `done` says so (the test timeout bounds the wait). */
export async function waitForEpisode(
  server: FastifyInstance,
  headers: Record<string, string>,
  path: string,
  done: (episode: { status: string }) => boolean,
): Promise<Record<string, unknown> & { status: string }> {
  for (;;) {
    const response = await server.inject({ method: 'GET', url: path, headers });
    // A poller sees what a producer's client would: a retryable 5xx (s3rver serving a record mid-write) is asked again.
    if (response.statusCode >= 500 && response.json().error?.code === 'STORAGE_FAILED') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    if (response.statusCode !== 200) throw new Error(`GET ${path} answered ${response.statusCode}: ${response.body}`);
    const episode = response.json().episode as Record<string, unknown> & { status: string };
    if (done(episode)) return episode;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
