import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIds } from '../../src/queue/job-ids.js';
import { QueueNames } from '../../src/queue/job-types.js';
import { feedItems, testArticle, testShow, enqueue } from './support/episodes.js';
import { TestCluster, type WorkerHandle } from './support/cluster.js';

describe('distributed mode end to end (two worker processes, Redis, s3rver)', () => {
  let cluster: TestCluster;
  let workers: WorkerHandle[];
  beforeAll(async () => {
    cluster = await TestCluster.start();
    workers = await Promise.all([cluster.startWorker(), cluster.startWorker()]);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('builds and publishes an enqueued episode into S3, once, however often it is submitted', async () => {
    const show = testShow('e2e-show');
    const request = { show, articles: [testArticle('harbour'), testArticle('library', 1)], date: new Date('2026-11-28T12:00:00Z') };
    const { episodes } = cluster.app;

    const first = await enqueue(episodes, request);
    const again = await enqueue(episodes, request);
    expect(first.added).toBe(true);
    expect(again).toMatchObject({ added: false, episodeId: first.episodeId });
    expect((await episodes.status(first.showId, first.episodeId))?.record.status).not.toBe('failed');

    const record = await episodes.finished(first);
    expect(record.error).toBeUndefined();
    expect(record.status).toBe('published');
    expect(record.progress).toMatchObject({ stage: 'published', done: 1, total: 1 });
    expect(record.audio?.url.startsWith(`${cluster.s3.endpoint}/${cluster.s3.bucket}/public/shows/e2e-show/`)).toBe(true);

    // Every job of the flow ran in one of the two worker processes and reported progress.
    const pids = workers.map((worker) => String(worker.child.pid));
    const stitch = await cluster.app.queues.get(QueueNames.stitch).getJob(jobIds.stitch(first));
    expect(pids).toContain(stitch!.processedBy!.split(':').pop());
    const segments = await cluster.app.queues.get(QueueNames.synthesise).getJobs(['completed']);
    const ours = segments.filter((job) => job.id!.startsWith(`e2e-show.${first.episodeId}.seg.`));
    expect(ours.length).toBeGreaterThan(0);
    for (const job of ours) expect(job.progress).toMatchObject({ stage: 'synthesising', total: ours.length });

    // The feed, fetched over HTTP from the S3 server, lists the episode once; its audio answers byte ranges.
    const feedResponse = await fetch(cluster.app.app.ctx.publish.publicUrl('shows/e2e-show/feed.xml'));
    expect(feedResponse.status).toBe(200);
    expect(feedResponse.headers.get('content-type')).toContain('application/rss+xml');
    const items = feedItems(await feedResponse.text());
    expect(items).toHaveLength(1);
    expect(items[0]!.enclosure).toBe(record.audio!.url);
    const range = await fetch(items[0]!.enclosure, { headers: { Range: 'bytes=0-1023' } });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 0-1023/${record.audio!.bytes}`);
    expect((await range.arrayBuffer()).byteLength).toBe(1024);

    // Submitted again after publishing: still one episode, nothing re-queued.
    const late = await enqueue(episodes, request);
    expect(late).toMatchObject({ added: false, episodeId: first.episodeId });
    expect(late.record.status).toBe('published');
    const records = await import('../../src/pipeline/episode-store.js').then(({ EpisodeStore }) => new EpisodeStore(cluster.app.app.ctx.work).listEpisodes('e2e-show'));
    expect(records.map((r) => r.id)).toEqual([first.episodeId]);
  });
});
