import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { createProducerServices, type ProducerServices } from '../../src/producer.js';
import { loadConfig } from '../../src/config/env.js';
import { loadShowFile } from '../../src/config/load-show.js';
import { silentLogger } from '../../src/core/logger.js';
import { buildListenerEpisodes } from '../../src/listeners/build-listener-episodes.js';
import { ListenerStore } from '../../src/listeners/listener-store.js';
import { materialiser } from '../../src/listeners/materialise.js';
import { createEpisode } from '../../src/pipeline/build-now.js';
import { createServer } from '../../src/server/create-server.js';
import { startS3Server, type TestS3Server } from '../storage/s3-server.js';
import { audioFrames } from './support.js';

const fixtures = new URL('../fixtures/pipeline/', import.meta.url).pathname;

/** Two processes' worth of app on one S3 bucket: one builds, the other (which built nothing) serves. */
describe('listener episodes on S3: any instance serves any listener', () => {
  let s3: TestS3Server;
  const roots: string[] = [];
  const apps: App[] = [];
  let services: ProducerServices;
  let server: FastifyInstance;

  const instance = async (): Promise<App> => {
    const root = await mkdtemp(join(tmpdir(), 'briefcast-listener-s3-'));
    roots.push(root);
    const app = createApp(
      loadConfig({
        BRIEFCAST_DATA_DIR: join(root, 'data'),
        BRIEFCAST_PUBLISH_DIR: join(root, 'published'),
        BRIEFCAST_SCHEDULES: 'false',
        BRIEFCAST_STORAGE: 's3',
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: s3.bucket,
        S3_FORCE_PATH_STYLE: 'true',
        S3_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
      }),
      { logger: silentLogger() },
    );
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    s3 = await startS3Server();
  });
  afterAll(async () => {
    await server?.close();
    await services?.close();
    for (const app of apps) await app.close();
    await s3?.close();
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  it('builds on one instance and serves the same bytes, ranges included, from another', async () => {
    const builder = await instance();
    const show = await loadShowFile(join(fixtures, 'show.json'));
    const articles = join(roots[0]!, 'articles');
    await cp(fixtures, articles, { recursive: true, filter: (src) => !src.endsWith('.json') });
    const record = await createEpisode(builder.ctx, { show, sources: [articles], date: new Date('2026-11-28T12:00:00Z'), episodeId: 'ep1' });
    const { listener, token } = await new ListenerStore(builder.ctx.work).add(show.id, { name: 'Ana', follows: { topics: ['ferry', 'apple'] } });
    // Materialised for a CDN: the same assembler writes the file to publish storage.
    expect(await buildListenerEpisodes(builder.ctx, show, 'ep1', [listener], { keep: 10, materialise: materialiser(builder.ctx, show) })).toMatchObject({ built: 1 });

    const other = await instance();
    services = await createProducerServices(other);
    server = await createServer({ publishDir: other.config.publishDir, api: services.api, servePublished: false });
    const url = `/l/${token}/${record.date}.mp3`;
    const full = await server.inject({ method: 'GET', url });
    expect(full.statusCode).toBe(200);
    const episode = (await new ListenerStore(other.ctx.work).findEpisode(show.id, listener.id, record.date))!;
    expect(full.rawPayload.length).toBe(episode.totalBytes);
    expect(audioFrames(full.rawPayload).length).toBeGreaterThan(100);
    const part = await server.inject({ method: 'GET', url, headers: { range: 'bytes=5000-90000' } });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload.equals(full.rawPayload.subarray(5000, 90001))).toBe(true);
    const materialised = Buffer.from(await other.ctx.publish.get(episode.materialisedKey!));
    expect(materialised.equals(full.rawPayload)).toBe(true);
    const feed = await server.inject({ method: 'GET', url: `/l/${token}/feed.xml` });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain(other.ctx.publish.publicUrl(episode.materialisedKey!));
  }, 180_000);
});
