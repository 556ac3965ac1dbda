import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProducerServices, type ProducerServices } from '../../src/producer.js';
import { KeyStore } from '../../src/auth/key-store.js';
import { createServer as createApiServer } from '../../src/server/create-server.js';
import { verifySignature } from '../../src/webhooks/signature.js';
import { TestCluster } from '../distributed/support/cluster.js';
import { morningShow, shortArticles, waitForEpisode } from './support/api-harness.js';

const SECRET = 'distributed-webhook-secret';

type Received = { headers: Record<string, unknown>; body: string };
const episodeOf = (item: Received) => (JSON.parse(item.body) as { episode: { id: string } }).episode.id;

/** The same API in distributed mode: real Redis (REDIS_URL, unique prefix), s3rver, a real worker process. */
describe('episode lifecycle over HTTP in distributed mode', () => {
  let cluster: TestCluster;
  let services: ProducerServices;
  let server: FastifyInstance;
  let receiver: Server;
  let key: string;
  const received: Received[] = [];
  /** Every delivery for one episode. Counting by episode, not by arrival order: another test's webhook may land late. */
  const deliveriesOf = (episodeId: string) => received.filter((item) => episodeOf(item) === episodeId);
  const waitForDelivery = async (episodeId: string) => {
    for (let i = 0; i < 300 && deliveriesOf(episodeId).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  };

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    cluster = await TestCluster.start({ BRIEFCAST_ALLOW_PRIVATE_URLS: 'true', BRIEFCAST_RUNNER: 'distributed', BRIEFCAST_SCHEDULES: 'false', LOG_LEVEL: 'silent' });
    await cluster.startWorker([], { LOG_LEVEL: 'info' });
    services = await createProducerServices(cluster.app.app, cluster.app);
    server = await createApiServer({ publishDir: cluster.config.publishDir, api: services.api, servePublished: false });
    key = (await new KeyStore(cluster.config.api.keysFile).add({ name: 'ops' })).key;
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const created = await server.inject({
      method: 'POST',
      url: '/api/shows',
      headers: { authorization: `Bearer ${key}` },
      payload: { ...morningShow, webhooks: { endpoints: [{ url: hook, events: ['episode.published'] }], secret: SECRET } },
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
    await services?.close();
    await cluster?.stop();
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('enqueues a flow that a worker publishes, then notifies the webhook once', async () => {
    const headers = { authorization: `Bearer ${key}` };
    const created = await server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers, payload: { articles: shortArticles } });
    expect(created.statusCode).toBe(202);
    expect(created.json().episode.status).toBe('queued');
    const path = `/api/shows/morning/episodes/${created.json().episode.id}`;
    const episode = await waitForEpisode(server, headers, path, (e) => e.status === 'published' || e.status === 'failed');
    expect(episode.error).toBeUndefined();
    expect(episode.status).toBe('published');
    expect(episode.audioUrl).toContain(cluster.s3.endpoint);
    expect(episode.durationSeconds).toBeGreaterThan(2);

    // Published files live in object storage: the stable addresses redirect there.
    const feed = await server.inject({ method: 'GET', url: '/feeds/morning' });
    expect(feed.statusCode).toBe(302);
    expect(feed.headers.location).toContain(cluster.s3.endpoint);
    const file = await server.inject({ method: 'GET', url: '/shows/morning/feed.xml' });
    expect(file.statusCode).toBe(302);

    // Queued webhook: delivered once, signed.
    await waitForDelivery(created.json().episode.id);
    await services.webhooks.idle();
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(verifySignature(SECRET, { timestamp: String(delivery!.headers['briefcast-timestamp']), signature: String(delivery!.headers['briefcast-signature']) }, delivery!.body)).toEqual({ valid: true });

    // The operators' dashboard needs an unscoped key.
    expect((await server.inject({ method: 'GET', url: '/admin/queues' })).statusCode).toBe(401);
    const board = await server.inject({ method: 'GET', url: '/admin/queues', headers });
    expect(board.statusCode).toBe(200);
    expect(board.body).toMatch(/<html/i);
  });

  it('writes a draft with its own voice, takes an edited script, and publishes it through the workers once approved', async () => {
    const headers = { authorization: `Bearer ${key}` };
    const articles = [{ title: 'Lighthouse keepers return', text: 'The old lighthouse on the point has keepers again for the first time in forty years. The council said the two new keepers start on Monday.' }];
    const created = await server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers, payload: { articles, draft: true, voice: 'en-gb' } });
    expect(created.statusCode).toBe(202);
    // As in the embedded mode, the draft is written in the background (here by a worker).
    expect(created.json().episode.status).toBe('queued');
    const path = `/api/shows/morning/episodes/${created.json().episode.id}`;
    expect((await waitForEpisode(server, headers, path, (e) => e.status === 'draft' || e.status === 'failed')).status).toBe('draft');

    const text = await server.inject({ method: 'GET', url: `${path}/script?format=text`, headers });
    const edited = `${text.body.trimEnd()}\nA sentence the producer added in review.\n`;
    const put = await server.inject({ method: 'PUT', url: `${path}/script`, headers: { ...headers, 'content-type': 'text/plain' }, payload: edited });
    expect(put.statusCode).toBe(200);

    const approved = await server.inject({ method: 'POST', url: `${path}/approve`, headers });
    expect(approved.statusCode).toBe(202);
    const episode = await waitForEpisode(server, headers, path, (e) => e.status === 'published' || e.status === 'failed');
    expect(episode.error).toBeUndefined();
    expect(episode.status).toBe('published');
    // The worker made the audio from the stored, edited script, in the episode's own voice.
    const transcript = await fetch((episode.transcriptUrls as Record<string, string>).text!);
    expect(await transcript.text()).toContain('A sentence the producer added in review.');
    const record = await cluster.app.app.ctx.work.get(`shows/morning/episodes/${created.json().episode.id}/episode.json`);
    const segments = (JSON.parse(Buffer.from(record).toString('utf8')) as { segments: Array<{ voice: string }> }).segments;
    expect(segments.length).toBeGreaterThan(1);
    expect(segments.every((segment) => segment.voice === 'en-gb')).toBe(true);
    // Its webhook too, before the next test counts deliveries: the 'published' status is written before
    // the publish job completes, so a poller can see it a moment before the webhook is even queued.
    await waitForDelivery(created.json().episode.id);
    expect(deliveriesOf(created.json().episode.id)).toHaveLength(1);
  });

  it('makes one episode, one build and one webhook from ten identical concurrent POSTs to two API processes', async () => {
    // Issue 12, item 4: a second API process on the same Redis, as in a scaled deployment.
    const other = await createProducerServices(cluster.app.app, cluster.app);
    const otherServer = await createApiServer({ publishDir: cluster.config.publishDir, api: other.api, servePublished: false });
    try {
      // Several rounds: one round leaves a race's window to chance.
      const stories = ['Harbour ferry returns to service', 'Night buses added for the winter', 'Library opens on Sundays'];
      for (const title of stories) {
        // A key per round: ten POSTs a round, and the shared per-key limit is episodes per minute.
        const headers = { authorization: `Bearer ${(await new KeyStore(cluster.config.api.keysFile).add({ name: `round-${title}` })).key}` };
        const articles = [{ title, text: `${title} this week, the council said on Monday. Crews finished the work early and the first users arrived at dawn.` }];
        const answers = await Promise.all(
          Array.from({ length: 10 }, (_, i) => (i % 2 ? otherServer : server).inject({ method: 'POST', url: '/api/shows/morning/episodes', headers, payload: { articles } })),
        );
        expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 202]);
        const ids = new Set(answers.map((answer) => answer.json().episode.id as string));
        expect(ids.size).toBe(1);
        const episodeId = [...ids][0]!;
        const path = `/api/shows/morning/episodes/${episodeId}`;
        expect((await waitForEpisode(server, headers, path, (e) => e.status === 'published' || e.status === 'failed')).status).toBe('published');
        await waitForDelivery(episodeId);
        // Room for a second delivery to show up: both processes heard the flow finish and dispatched it.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await services.webhooks.idle();
        await other.webhooks.idle();
        const deliveries = deliveriesOf(episodeId).map((item) => JSON.parse(item.body) as { id: string });
        expect(deliveries).toHaveLength(1);
      }
      // Across the whole file: one delivery per episode, each delivery id once.
      const deliveryIds = received.map((item) => (JSON.parse(item.body) as { id: string }).id);
      expect(new Set(deliveryIds).size).toBe(deliveryIds.length);
      expect(new Set(received.map(episodeOf)).size).toBe(received.length);
    } finally {
      await otherServer.close();
      await other.close();
    }
  });
});
