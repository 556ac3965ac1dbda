import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIds } from '../../src/queue/job-ids.js';
import { QueueNames } from '../../src/queue/job-types.js';
import { eventually, TestCluster } from './support/cluster.js';
import { feedItems, testArticle, testShow, enqueue } from './support/episodes.js';

/** Fetches the feed over and over, as a podcast app would, and notes every enclosure that does not answer 200. */
function watchFeed(feedUrl: string): { stop(): Promise<string[]> } {
  const broken: string[] = [];
  let watching = true;
  const loop = (async () => {
    while (watching) {
      const response = await fetch(feedUrl);
      if (response.status === 200) {
        for (const item of feedItems(await response.text())) {
          const head = await fetch(item.enclosure, { method: 'HEAD' });
          if (head.status !== 200) broken.push(`${item.enclosure}: ${head.status}`);
        }
      }
      await sleep(250);
    }
  })();
  return {
    async stop() {
      watching = false;
      await loop;
      return broken;
    },
  };
}

/**
 * Workers are killed with SIGKILL (no chance to clean up) in the middle of
 * synthesis and again in the middle of stitching. A "slow" provider sleeps
 * before each real eSpeak NG request, and stitching sleeps after the real
 * ffmpeg join; both log a line first, so each kill lands inside its step.
 */
describe('crash safety', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await TestCluster.start({
      BRIEFCAST_TEST_HOOK: JSON.stringify({ providers: { slow: { delayMs: 1500 } }, stitchDelayMs: 4000 }),
    });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('publishes exactly once, and the feed never names a missing object, after kills mid-synthesis and mid-stitch', async () => {
    const show = testShow('crash-show', 'slow');
    const ctx = cluster.app.app.ctx;
    const feedUrl = ctx.publish.publicUrl('shows/crash-show/feed.xml');
    const watcher = watchFeed(feedUrl);
    let broken: string[] | undefined;
    try {
      const first = await cluster.startWorker();
      const queued = await enqueue(cluster.app.episodes, { show, articles: [testArticle('bridge'), testArticle('museum', 1)], date: new Date('2026-11-29T12:00:00Z') });
      const synthesise = cluster.app.queues.get(QueueNames.synthesise);
      await eventually('a synthesis request in progress', async () => (first.output().includes('test hook: synthesis request started') ? true : undefined));
      expect(await synthesise.getActiveCount()).toBeGreaterThan(0);
      await cluster.kill(first);
      expect((await cluster.app.episodes.status(queued.showId, queued.episodeId))?.record.status).not.toBe('published');

      const second = await cluster.startWorker();
      const stitch = await eventually('the stitch job', () => cluster.app.queues.get(QueueNames.stitch).getJob(jobIds.stitch(queued)));
      await eventually('stitching in progress', async () => (second.output().includes('test hook: pieces joined') ? true : undefined));
      expect(await stitch.getState()).toBe('active');
      await cluster.kill(second);
      expect((await cluster.app.episodes.status(queued.showId, queued.episodeId))?.record.status).toBe('stitching');

      await cluster.startWorker();
      const record = await cluster.app.episodes.finished(queued);
      broken = await watcher.stop();

      expect(record.error).toBeUndefined();
      expect(record.status).toBe('published');
      // The interrupted jobs really were picked up again by a later worker.
      const stitched = await cluster.app.queues.get(QueueNames.stitch).getJob(jobIds.stitch(queued));
      expect(stitched!.attemptsStarted).toBeGreaterThanOrEqual(2);
      const segmentJobs = (await synthesise.getJobs(['completed'])).filter((job) => job.id!.includes(queued.episodeId));
      expect(segmentJobs.some((job) => job.attemptsStarted >= 2)).toBe(true);

      const items = feedItems(await (await fetch(feedUrl)).text());
      expect(items).toHaveLength(1);
      expect(items[0]!.enclosure).toBe(record.audio!.url);
      expect((await fetch(items[0]!.enclosure, { method: 'HEAD' })).status).toBe(200);
      expect(broken).toEqual([]);
      const records = await import('../../src/pipeline/episode-store.js').then(({ EpisodeStore }) => new EpisodeStore(ctx.work).listEpisodes('crash-show'));
      expect(records).toHaveLength(1);
    } finally {
      if (!broken) await watcher.stop();
    }
  });
});
