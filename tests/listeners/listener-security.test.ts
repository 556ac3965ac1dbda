import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { createProducerServices, type ProducerServices } from '../../src/producer.js';
import { loadConfig } from '../../src/config/env.js';
import { loadShowFile } from '../../src/config/load-show.js';
import { ListenerStore } from '../../src/listeners/listener-store.js';
import { EpisodeStore } from '../../src/pipeline/episode-store.js';
import { createServer } from '../../src/server/create-server.js';

const fixtures = new URL('../fixtures/pipeline/', import.meta.url).pathname;

describe('listener tokens: rate limit per token, never in the logs', () => {
  let root: string;
  let app: App;
  let services: ProducerServices;
  let server: FastifyInstance;
  const lines: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-listener-security-'));
    const config = loadConfig({
      BRIEFCAST_DATA_DIR: join(root, 'data'),
      BRIEFCAST_PUBLISH_DIR: join(root, 'published'),
      BRIEFCAST_SCHEDULES: 'false',
      BRIEFCAST_LISTENER_REQUESTS_PER_MINUTE: '3',
    });
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => { lines.push(chunk.toString()); done(); } });
    app = createApp(config, { logger: pino({ level: 'debug' }, sink) });
    services = await createProducerServices(app);
    server = await createServer({ publishDir: config.publishDir, api: services.api });
    await new EpisodeStore(app.ctx.work).saveShow(await loadShowFile(join(fixtures, 'show.json')));
  });
  afterAll(async () => {
    await server?.close();
    await services?.close();
    await app?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('limits each token on its own and logs the path with the token cut out', async () => {
    const store = new ListenerStore(app.ctx.work);
    const one = await store.add('test-daily', { name: 'Ana' });
    const two = await store.add('test-daily', {});
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await server.inject({ method: 'GET', url: `/l/${one.token}/feed.xml` })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Another listener is not held back by the first one's requests.
    expect((await server.inject({ method: 'GET', url: `/l/${two.token}/feed.xml` })).statusCode).toBe(200);
    const logged = lines.join('');
    expect(logged).toContain('/l/[token]/feed.xml');
    expect(logged).not.toContain(one.token);
    expect(logged).not.toContain(two.token);
  });

  it('keeps one listener out of another listener\'s episodes and settings', async () => {
    const store = new ListenerStore(app.ctx.work);
    const mine = await store.add('test-daily', { follows: { topics: ['comet'] } });
    const settings = await server.inject({ method: 'GET', url: `/l/${mine.token}/settings` });
    expect(settings.statusCode).toBe(200);
    // Only the token decides whose page it is: there is no listener id in the URL to swap.
    expect(settings.body).toContain('value="comet"');
    expect((await server.inject({ method: 'GET', url: `/l/${mine.listener.id}/settings` })).statusCode).toBe(404);
    expect((await server.inject({ method: 'GET', url: `/l/${mine.token}/2026-11-28.mp3` })).statusCode).toBe(404);
    expect((await server.inject({ method: 'GET', url: `/l/${mine.token}/..%2F..%2Fapi-keys.json` })).statusCode).toBe(404);
  });
});
