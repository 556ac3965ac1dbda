import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { parseShowConfig } from '../../src/config/load-show.js';
import { silentLogger } from '../../src/core/logger.js';
import { BRIEFING_QUEUE, DistributedScheduler } from '../../src/schedule/distributed-scheduler.js';

/**
 * Two API processes both register the same show's timetable (as every API
 * process does at start-up); each tick must still make exactly one briefing.
 * Each scheduler here has its own Redis connections, as separate processes would.
 */
describe('scheduled briefings in distributed mode', () => {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `briefcast-sched-${process.pid}-${Date.now()}`;
  const connections: Redis[] = [];
  const schedulers: DistributedScheduler[] = [];
  afterAll(async () => {
    await Promise.all(schedulers.map((scheduler) => scheduler.close()));
    const cleanup = new Redis(url);
    const keys = await cleanup.keys(`${prefix}:*`);
    if (keys.length) await cleanup.del(...keys);
    await cleanup.quit();
    await Promise.all(connections.map((connection) => connection.quit()));
  });

  it('makes one briefing per tick however many processes registered the schedule', async () => {
    const show = parseShowConfig({
      id: 'ticker',
      title: 'Ticker',
      description: 'd',
      author: 'a',
      // Every second (six fields, seconds first).
      schedule: { cron: '* * * * * *', feeds: ['https://example.com/feed.xml'] },
    });
    const ticks: Array<{ process: number; at: number }> = [];
    for (const processNumber of [1, 2]) {
      const connection = new Redis(url, { maxRetriesPerRequest: null });
      connections.push(connection);
      const scheduler = new DistributedScheduler(
        async (showId, tick) => {
          expect(showId).toBe('ticker');
          ticks.push({ process: processNumber, at: tick.getTime() });
        },
        connection,
        prefix,
        silentLogger(),
      );
      schedulers.push(scheduler);
      await scheduler.sync(show);
    }
    // Run until a handful of ticks were handled (bounded), then stop the timetable.
    for (let waited = 0; ticks.length < 4 && waited < 30_000; waited += 100) await sleep(100);
    await schedulers[0]!.remove('ticker');
    await sleep(1500);

    expect(ticks.length).toBeGreaterThanOrEqual(4);
    // No tick was handled twice: every briefing belongs to a different second.
    const seconds = ticks.map((tick) => Math.floor(tick.at / 1000));
    expect(new Set(seconds).size).toBe(ticks.length);
    expect(await schedulers[1]!.nextRun('ticker')).toBeNull();
  });

  it('a process registering the timetable while its tick is being made is not an error', async () => {
    const show = parseShowConfig({
      id: 'yearly',
      title: 'Yearly',
      description: 'd',
      author: 'a',
      schedule: { cron: '0 0 6 1 1 *', timezone: 'UTC', feeds: ['https://example.com/feed.xml'] },
    });
    // Its own queue: the first test's workers would take this show's jobs.
    const yearlyPrefix = `${prefix}:yearly`;
    const connection = () => {
      const made = new Redis(url, { maxRetriesPerRequest: null });
      connections.push(made);
      return made;
    };
    // The first process registered the timetable and its worker is making this tick's briefing.
    const queue = new Queue(BRIEFING_QUEUE, { connection: connection(), prefix: yearlyPrefix });
    await queue.upsertJobScheduler('briefing.yearly', { pattern: '0 0 6 1 1 *', tz: 'UTC' }, { name: 'briefing', data: { showId: 'yearly' } });
    let release = () => {};
    const working = new Promise<void>((resolve) => (release = resolve));
    const started: string[] = [];
    const worker = new Worker(
      BRIEFING_QUEUE,
      async (job) => {
        started.push(job.id!);
        await working;
      },
      { connection: connection(), prefix: yearlyPrefix },
    );
    const [due] = await queue.getDelayed();
    expect(due?.id).toMatch(/^repeat:briefing\.yearly:/);
    await due!.promote();
    for (let waited = 0; started.length < 1 && waited < 10_000; waited += 50) await sleep(50);
    expect(started).toEqual([due!.id]);

    // Hold the moment before that worker has scheduled the next tick (it does so right after taking
    // this one): the timetable still points at the running job.
    const dueMillis = Number(due!.id!.split(':').at(-1));
    await connection().zadd(`${yearlyPrefix}:${BRIEFING_QUEUE}:repeat`, dueMillis, 'briefing.yearly');
    // A second process starts now: BullMQ will not make the running tick's job again.
    const second = new DistributedScheduler(async () => {}, connection(), yearlyPrefix, silentLogger());
    schedulers.push(second);
    await expect(second.sync(show)).resolves.toBeUndefined();
    expect(await second.nextRun('yearly')).not.toBeNull();
    release();
    await worker.close();
    await queue.close();
  });
});
