import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyStore } from '../../src/auth/key-store.js';
import { ListenerStore } from '../../src/listeners/listener-store.js';
import { EpisodeStore } from '../../src/pipeline/episode-store.js';
import type { PipelineContext } from '../../src/pipeline/context.js';
import { createProducerServices, type ProducerServices } from '../../src/producer.js';
import { JobName } from '../../src/queue/job-types.js';
import { createServer as createApiServer } from '../../src/server/create-server.js';
import { createApiHarness, morningShow, shortArticles, waitForEpisode, type ApiHarness } from '../api/support/api-harness.js';
import { eventually, TestCluster } from '../distributed/support/cluster.js';

/** What both modes share: a show, three listeners (one matches nothing), one published episode. */
async function publishWithListeners(server: FastifyInstance, headers: Record<string, string>, show: object = morningShow) {
  expect((await server.inject({ method: 'POST', url: '/api/shows', headers, payload: show })).statusCode).toBe(201);
  const add = async (payload: object) => {
    const response = await server.inject({ method: 'POST', url: '/api/shows/morning/listeners', headers, payload });
    expect(response.statusCode).toBe(201);
    return response.json() as { listener: { id: string }; token: string; feedUrl: string };
  };
  const ana = await add({ name: 'Ana', follows: { topics: ['footbridge'] }, targetMinutes: 2 });
  const everyone = await add({ targetMinutes: 2 });
  const comet = await add({ follows: { topics: ['comet'] } });
  // Yesterday's briefing: a listener's copy is delivered at their time of day (06:00 by default) on the
  // episode's date, so today's would not be in their feed yet when the suite runs just after midnight.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const created = await server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers, payload: { articles: shortArticles, date: yesterday } });
  expect(created.statusCode).toBe(202);
  const episodeId = created.json().episode.id as string;
  const published = await waitForEpisode(server, headers, `/api/shows/morning/episodes/${episodeId}`, (e) => e.status === 'published' || e.status === 'failed');
  expect(published.error).toBeUndefined();
  expect(published.status).toBe('published');
  return { episodeId, ana, everyone, comet };
}

async function publishedEvent(ctx: PipelineContext, episodeId: string) {
  const store = new EpisodeStore(ctx.work);
  return { type: 'episode.published' as const, show: await store.getShow('morning'), record: await store.getEpisode('morning', episodeId) };
}

describe('listener episodes are built when the show episode is published (embedded)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await createApiHarness({ LOG_LEVEL: 'silent' });
  });
  afterAll(async () => api?.dispose());

  it('builds each matching listener in process, and a second publication of the same episode leaves the records as they are', async () => {
    const headers = api.auth(api.keys.admin);
    // The show's default `auto` voice: the personal parts use the engines the show episode picked.
    const { voice: _named, ...autoVoiced } = morningShow;
    const { episodeId, ana, everyone, comet } = await publishWithListeners(api.server, headers, autoVoiced);
    const { ctx } = api.app;
    expect((await new EpisodeStore(ctx.work).getEpisode('morning', episodeId)).voicePick).toBeDefined();
    const day = (await new EpisodeStore(ctx.work).getEpisode('morning', episodeId)).date;
    const store = new ListenerStore(ctx.work);
    const first = await eventually('listener records', async () => (await store.findEpisode('morning', everyone.listener.id, day)) ?? undefined, 60_000);
    await api.services.listenerBuilds.idle();
    const anaFirst = await store.findEpisode('morning', ana.listener.id, day);
    expect(anaFirst?.parts.map((part) => part.kind)).toEqual(['greeting', 'intro', 'story', 'outro']);
    expect(first.parts.map((part) => part.kind)).toEqual(['intro', 'story', 'outro']);
    expect(await store.findEpisode('morning', comet.listener.id, day)).toBeNull();

    const feed = await api.server.inject({ method: 'GET', url: new URL(ana.feedUrl).pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain(`${day}.mp3`);

    // The same publication heard again (a rebuild, a repeated event): same bytes, so the records are untouched.
    api.services.listenerBuilds.onEvent(await publishedEvent(ctx, episodeId));
    await api.services.listenerBuilds.idle();
    expect(await store.findEpisode('morning', ana.listener.id, day)).toEqual(anaFirst);
    expect(await store.findEpisode('morning', everyone.listener.id, day)).toEqual(first);
    expect(await store.findEpisode('morning', comet.listener.id, day)).toBeNull();
  }, 180_000);
});

describe('listener episodes are built when the show episode is published (distributed: real Redis, s3rver, a worker process)', () => {
  let cluster: TestCluster;
  let services: ProducerServices;
  let server: FastifyInstance;
  let key: string;

  beforeAll(async () => {
    cluster = await TestCluster.start({ BRIEFCAST_RUNNER: 'distributed', BRIEFCAST_SCHEDULES: 'false', LOG_LEVEL: 'silent' });
    await cluster.startWorker([], { LOG_LEVEL: 'info' });
    services = await createProducerServices(cluster.app.app, cluster.app);
    server = await createApiServer({ publishDir: cluster.config.publishDir, api: services.api, servePublished: false });
    key = (await new KeyStore(cluster.config.api.keysFile).add({ name: 'ops' })).key;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await services?.close();
    await cluster?.stop();
  });

  it('queues one batch job per publication that a worker runs; the same publication twice adds nothing, a rebuild rewrites nothing', async () => {
    const headers = { authorization: `Bearer ${key}` };
    const { episodeId, ana, everyone, comet } = await publishWithListeners(server, headers);
    const { ctx } = cluster.app.app;
    const day = (await new EpisodeStore(ctx.work).getEpisode('morning', episodeId)).date;
    const store = new ListenerStore(ctx.work);
    const queue = cluster.app.queues.get('publish');
    const listenerJobs = async () => (await queue.getJobs(['completed', 'waiting', 'active', 'delayed', 'failed'])).filter((job) => job.name === JobName.BuildListenerEpisodes);
    const done = async (count: number) =>
      eventually(`${count} listener batch jobs`, async () => {
        const jobs = await listenerJobs();
        // A snapshot of finished jobs: their return values are read from it.
        return jobs.length === count && jobs.every((job) => job.finishedOn && job.returnvalue) ? jobs : undefined;
      });

    const [job] = await done(1);
    expect(job!.returnvalue).toMatchObject({ built: 2, skipped: 1, unchanged: 0 });
    const anaFirst = await store.findEpisode('morning', ana.listener.id, day);
    expect(anaFirst?.parts.map((part) => part.kind)).toEqual(['greeting', 'intro', 'story', 'outro']);
    expect(await store.findEpisode('morning', everyone.listener.id, day)).not.toBeNull();
    expect(await store.findEpisode('morning', comet.listener.id, day)).toBeNull();

    // Every API process hears the event: the same publication queued again adds no job.
    const event = await publishedEvent(ctx, episodeId);
    services.listenerBuilds.onEvent(event);
    await services.listenerBuilds.idle();
    expect(await listenerJobs()).toHaveLength(1);

    // A rebuild is a new publication (a new update time): the batch runs again and finds the same bytes.
    services.listenerBuilds.onEvent({ ...event, record: { ...event.record, updatedAt: new Date(Date.parse(event.record.updatedAt) + 1000).toISOString() } });
    await services.listenerBuilds.idle();
    const jobs = await done(2);
    expect(jobs.map((one) => one.returnvalue)).toContainEqual(expect.objectContaining({ built: 2, skipped: 1, unchanged: 2 }));
    expect(await store.findEpisode('morning', ana.listener.id, day)).toEqual(anaFirst);
  }, 240_000);
});
