import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueNames } from '../../src/queue/job-types.js';
import { TestCluster } from './support/cluster.js';
import { enqueue, testArticle, testShow } from './support/episodes.js';

/**
 * One worker process with one engine slot takes several synthesis jobs of an episode at once. The
 * provider refuses every request for good ("broken" answers 401): the first refusal fails the
 * episode, and the worker's other jobs of it make no request.
 */
describe('a worker whose provider refuses for good', () => {
  let cluster: TestCluster;
  let output: () => string;
  beforeAll(async () => {
    cluster = await TestCluster.start({
      BRIEFCAST_CONCURRENCY: '1',
      BRIEFCAST_TEST_HOOK: JSON.stringify({ providers: { broken: { failAlways: true, failWith: 'auth' } } }),
    });
    output = (await cluster.startWorker()).output;
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('fails the episode with the refusal after one request, not one per piece', async () => {
    const articles = ['canal', 'orchard', 'harbour'].map((topic) => testArticle(topic, 3));
    const queued = await enqueue(cluster.app.episodes, { show: testShow('refused-show', 'broken'), articles, date: new Date('2026-11-28T12:00:00Z') });
    const record = await cluster.app.episodes.finished(queued);
    expect(record.status).toBe('failed');
    expect(record.error?.code).toBe('TTS_AUTH');
    const jobs = (await cluster.app.queues.get(QueueNames.synthesise).getJobs(['failed'])).filter((job) => job.id!.includes(`.${queued.episodeId}.seg.`));
    expect(jobs.length).toBeGreaterThanOrEqual(3);
    // Not retried, whichever way each failed: the refusal, or its sibling's failure seen before its engine call.
    for (const job of jobs) expect(job.attemptsMade).toBe(1);
    const requests = output().split('\n').filter((line) => line.includes('test hook: synthesis request started') && line.includes('"provider":"broken"'));
    expect(requests).toHaveLength(1);
  });
});
