import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { parseShowConfig } from '../../src/config/load-show.js';
import { silentLogger } from '../../src/core/logger.js';
import { DistributedScheduler } from '../../src/schedule/distributed-scheduler.js';

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
});
