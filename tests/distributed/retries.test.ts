import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueNames } from '../../src/queue/job-types.js';
import { TestCluster } from './support/cluster.js';
import { testArticle, testShow, enqueue } from './support/episodes.js';

/**
 * One worker process with three wrapped providers: "flaky" fails each request
 * three times (more than the one in-process retry, so the queue must retry the
 * job), "broken" always answers 401, "limited" answers 429 with a Retry-After
 * longer than a worker will sleep, so the queue's rate limit must honour it.
 * Two attempts per job.
 */
describe('retries and failures', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await TestCluster.start({
      BRIEFCAST_JOB_ATTEMPTS: '2',
      BRIEFCAST_TEST_HOOK: JSON.stringify({
        providers: {
          flaky: { failFirst: 3 },
          broken: { failAlways: true, failWith: 'auth' },
          limited: { failFirst: 1, failWith: 'rate-limit', retryAfterSeconds: 5.5 },
        },
      }),
    });
    await cluster.startWorker();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  const segmentJobs = async (episodeId: string, state: 'completed' | 'failed') =>
    (await cluster.app.queues.get(QueueNames.synthesise).getJobs([state])).filter((job) => job.id!.includes(`.${episodeId}.seg.`));

  it('still publishes when the provider fails transiently, retrying the jobs with backoff', async () => {
    const queued = await enqueue(cluster.app.episodes, { show: testShow('flaky-show', 'flaky'), articles: [testArticle('canal', 1)], date: new Date('2026-11-28T12:00:00Z') });
    const record = await cluster.app.episodes.finished(queued);
    expect(record.error).toBeUndefined();
    expect(record.status).toBe('published');
    const jobs = await segmentJobs(queued.episodeId, 'completed');
    expect(jobs.length).toBeGreaterThan(0);
    // Each segment job failed its first attempt and succeeded on the second (attemptsMade counts both).
    for (const job of jobs) {
      expect(job.attemptsMade).toBe(2);
      expect(job.stacktrace ?? []).toHaveLength(1);
      expect(job.stacktrace?.[0]).toContain('flaky 503');
    }
  });

  it('fails the episode at once, with the reason, when the provider refuses for good', async () => {
    const queued = await enqueue(cluster.app.episodes, { show: testShow('broken-show', 'broken'), articles: [testArticle('orchard', 1)], date: new Date('2026-11-28T12:00:00Z') });
    const record = await cluster.app.episodes.finished(queued);
    expect(record.status).toBe('failed');
    expect(record.error?.code).toBe('TTS_AUTH');
    expect(record.error?.message).toContain('invalid API key');
    const failed = await segmentJobs(queued.episodeId, 'failed');
    expect(failed.length).toBeGreaterThan(0);
    // Not retried: UnrecoverableError ends the job on its first attempt.
    for (const job of failed) expect(job.attemptsMade).toBe(1);
    const publish = await cluster.app.queues.get(QueueNames.publish).getJobs(['failed']);
    expect(publish.map((job) => job.id)).toContain(`broken-show.${queued.episodeId}.publish`);
  });

  it('honours a 429 Retry-After through the queue rate limit without spending attempts', async () => {
    const queued = await enqueue(cluster.app.episodes, { show: testShow('limited-show', 'limited'), articles: [testArticle('lighthouse', 1)], date: new Date('2026-11-28T12:00:00Z') });
    const record = await cluster.app.episodes.finished(queued);
    expect(record.error).toBeUndefined();
    expect(record.status).toBe('published');
    const jobs = await segmentJobs(queued.episodeId, 'completed');
    expect(jobs.length).toBeGreaterThan(0);
    // One attempt made and no failure recorded, although each job was started twice: the 429 put it back, it did not fail it.
    for (const job of jobs) {
      expect(job.attemptsMade).toBe(1);
      expect(job.attemptsStarted).toBeGreaterThanOrEqual(2);
      expect(job.stacktrace ?? []).toHaveLength(0);
    }
  });
});
