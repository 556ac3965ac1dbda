import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueNames } from '../../src/queue/job-types.js';
import { eventually, TestCluster } from './support/cluster.js';
import { testArticle, testShow, enqueue } from './support/episodes.js';

/** SIGTERM: a worker stops taking jobs, and hands back what it cannot finish within its grace time. */
describe('graceful shutdown', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await TestCluster.start({ BRIEFCAST_TEST_HOOK: JSON.stringify({ providers: { slow: { delayMs: 4000 } } }) });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('finishes running jobs within the grace time and exits 0; or hands them straight back when out of time', async () => {
    const synthesise = cluster.app.queues.get(QueueNames.synthesise);
    const show = testShow('quiet-show', 'slow');

    // Generous grace: the running synthesis jobs complete in this worker, then it exits cleanly.
    const patient = await cluster.startWorker(['--queues', 'script,synthesise', '--concurrency', '1'], { BRIEFCAST_SHUTDOWN_GRACE_MS: '60000' });
    const queued = await enqueue(cluster.app.episodes, { show, articles: [testArticle('tram', 1)], date: new Date('2026-11-28T12:00:00Z') });
    await eventually('a synthesis request in progress', async () => (patient.output().includes('test hook: synthesis request started') ? true : undefined));
    const [running] = await synthesise.getJobs(['active']);
    expect(running).toBeDefined();
    patient.child.kill('SIGTERM');
    expect(await patient.exited).toBe(0);
    expect(await (await synthesise.getJob(running!.id!))!.getState()).toBe('completed');
    // It took no new job after the signal: the other segments still wait.
    expect(await synthesise.getWaitingCount()).toBeGreaterThan(0);

    // No grace: the running job goes back to the queue at once, not after its lock expires.
    const hasty = await cluster.startWorker(['--queues', 'synthesise', '--concurrency', '1'], { BRIEFCAST_SHUTDOWN_GRACE_MS: '0' });
    const before = hasty.output().split('test hook: synthesis request started').length;
    await eventually('another synthesis request', async () => (hasty.output().split('test hook: synthesis request started').length > before ? true : undefined));
    const [interrupted] = await synthesise.getJobs(['active']);
    hasty.child.kill('SIGTERM');
    expect(await hasty.exited).toBe(0);
    expect(hasty.output()).toContain('running jobs handed back');
    expect(await (await synthesise.getJob(interrupted!.id!))!.getState()).toBe('waiting');

    const finisher = await cluster.startWorker();
    expect((await cluster.app.episodes.finished(queued)).status).toBe('published');
    // Stopped, so the next test's worker is the only one taking its jobs (a default worker takes several synthesis jobs at once).
    finisher.child.kill('SIGTERM');
    expect(await finisher.exited).toBe(0);
  });

  it('exits as soon as its jobs are done, and at once when idle, however long the grace time', async () => {
    // Before the fix the grace timer kept the process alive: 33 s after a 1 s job, 31.6 s when idle.
    const idle = await cluster.startWorker(['--queues', 'synthesise', '--concurrency', '1'], { BRIEFCAST_SHUTDOWN_GRACE_MS: '120000' });
    let signalled = Date.now();
    idle.child.kill('SIGTERM');
    expect(await idle.exited).toBe(0);
    const idleExitMs = Date.now() - signalled;

    const busy = await cluster.startWorker(['--queues', 'script,synthesise', '--concurrency', '1'], { BRIEFCAST_SHUTDOWN_GRACE_MS: '120000' });
    const show = testShow('prompt-show', 'slow');
    await enqueue(cluster.app.episodes, { show, articles: [testArticle('ferry', 1)], date: new Date('2026-11-28T12:00:00Z') });
    await eventually('a synthesis request in progress', async () => (busy.output().includes('test hook: synthesis request started') ? true : undefined));
    signalled = Date.now();
    busy.child.kill('SIGTERM');
    expect(await busy.exited).toBe(0);
    const busyExitMs = Date.now() - signalled;
    console.log(`worker exit after SIGTERM: idle ${idleExitMs} ms; with a 4 s synthesis running ${busyExitMs} ms (grace 120 s)`);
    // Coarse bounds only a waited-out grace timer breaks.
    expect(idleExitMs).toBeLessThan(20_000);
    expect(busyExitMs).toBeLessThan(30_000);
  });
});
