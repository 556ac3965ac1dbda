import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueNames } from '../../src/queue/job-types.js';
import { eventually, TestCluster } from './support/cluster.js';
import { feedItems, testArticle, testShow, enqueue } from './support/episodes.js';

const EPISODES = 20;

/**
 * Twenty episodes of one show reach publishing together: the publish queue is
 * paused until all are stitched, then two publish-only worker processes take
 * ten jobs each at once. Each publish rebuilds the shared feed under the
 * show's Redis lock; without it, concurrent rebuilds lose each other's episodes.
 */
describe('concurrent publishing', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await TestCluster.start();
    await Promise.all([
      cluster.startWorker(['--queues', 'script,synthesise,stitch', '--concurrency', '2']),
      cluster.startWorker(['--queues', 'publish', '--concurrency', '10']),
      cluster.startWorker(['--queues', 'publish', '--concurrency', '10']),
    ]);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it(`lists all ${EPISODES} episodes in the feed when they are published at the same moment`, async () => {
    const show = testShow('busy-show');
    const publish = cluster.app.queues.get(QueueNames.publish);
    await publish.pause();
    // The same story on twenty days: the story's audio is synthesised once, each day's intro once.
    const queued = [];
    for (let day = 1; day <= EPISODES; day++) {
      const date = new Date(Date.UTC(2026, 10, day, 12));
      queued.push(await enqueue(cluster.app.episodes, { show, articles: [testArticle('ferry', 1)], date }));
    }
    expect(new Set(queued.map((q) => q.episodeId)).size).toBe(EPISODES);
    await eventually('every episode stitched and waiting to publish', async () => {
      // A paused queue keeps its jobs in "wait"; none may have started.
      const counts = await publish.getJobCounts('wait', 'prioritized', 'active', 'completed');
      expect(counts.active! + counts.completed!).toBe(0);
      return counts.wait! + counts.prioritized! === EPISODES ? true : undefined;
    }, 400_000);
    await publish.resume();

    const records = [];
    for (const q of queued) records.push(await cluster.app.episodes.finished(q));
    for (const record of records) expect(record.status).toBe('published');
    const feed = await (await fetch(cluster.app.app.ctx.publish.publicUrl('shows/busy-show/feed.xml'))).text();
    const enclosures = feedItems(feed).map((item) => item.enclosure).sort();
    expect(enclosures).toEqual(records.map((record) => record.audio!.url).sort());
    // The publish jobs really overlapped: both publish workers took part.
    const done = await publish.getJobs(['completed']);
    expect(new Set(done.map((job) => job.processedBy)).size).toBe(2);
  });
});
