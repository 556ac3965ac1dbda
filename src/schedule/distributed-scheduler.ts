import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode, type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ShowConfig } from '../config/show-config.js';
import type { Logger } from '../core/logger.js';
import type { TickHandler } from './embedded-scheduler.js';
import type { ShowScheduler } from './show-scheduler.js';

export const BRIEFING_QUEUE = 'briefings';

/** How long a handled tick is remembered: far longer than any gap between two racing jobs. */
const TICK_CLAIM_MS = 24 * 60 * 60 * 1000;

const UPSERT_ATTEMPTS = 3;
const UPSERT_RETRY_MS = 1000;

/** BullMQ's ErrorCode.SchedulerJobIdCollision, carried on the error it throws. */
const isIterationCollision = (error: unknown) =>
  error instanceof Error && (error as Error & { code?: unknown }).code === ErrorCode.SchedulerJobIdCollision;

/**
 * When the briefing was due. BullMQ names a timetable's job "repeat:<scheduler>:<due millis>", the
 * same name whichever process made it; timestamp plus delay differs when the job was made late.
 */
function dueTime(job: Pick<Job, 'id' | 'timestamp' | 'delay'>): number {
  const named = Number(job.id?.slice(job.id.lastIndexOf(':') + 1));
  return Number.isSafeInteger(named) && named > 0 ? named : job.timestamp + (job.delay ?? 0);
}

/** BullMQ reserves ":" in ids; show ids are lowercase letters, digits and dashes. */
const schedulerId = (showId: string) => `briefing.${showId}`;

/**
 * Timetables as BullMQ job schedulers: Redis holds one scheduler per show and
 * makes one job per tick, whichever process upserted it and however many
 * processes run the worker below, so each tick is one briefing.
 */
export class DistributedScheduler implements ShowScheduler {
  private readonly queue: Queue<{ showId: string }>;
  private readonly worker: Worker<{ showId: string }>;

  constructor(onTick: TickHandler, connection: Redis, prefix: string, logger: Logger) {
    this.queue = new Queue(BRIEFING_QUEUE, { connection, prefix });
    this.worker = new Worker<{ showId: string }>(
      BRIEFING_QUEUE,
      async (job) => {
        const tick = dueTime(job);
        // Every API process upserts the same scheduler at start-up; when two upserts race, BullMQ can
        // leave two jobs for one tick (seen in tests). Claiming the tick in Redis makes it one briefing.
        const claimed = await connection.set(`${prefix}:${BRIEFING_QUEUE}:tick:${job.data.showId}:${tick}`, job.id ?? '', 'PX', TICK_CLAIM_MS, 'NX');
        if (claimed !== 'OK') {
          logger.info({ showId: job.data.showId, tick: new Date(tick).toISOString() }, 'tick already handled by another job');
          return;
        }
        await onTick(job.data.showId, new Date(tick));
      },
      { connection: connection.duplicate(), prefix, concurrency: 1 },
    );
    this.worker.on('error', (error) => logger.error({ err: error }, 'briefing worker error'));
  }

  async sync(show: ShowConfig): Promise<void> {
    const schedule = show.schedule;
    if (!schedule) return this.remove(show.id);
    const repeat = { pattern: schedule.cron, tz: schedule.timezone };
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.queue.upsertJobScheduler(schedulerId(show.id), repeat, {
          name: 'briefing',
          data: { showId: show.id },
          opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
        });
        return;
      } catch (error) {
        // Another process's upsert already made this tick's job and it is running or done, so BullMQ
        // refuses to make it again. When the stored timetable is ours, nothing is left to do;
        // otherwise the next tick frees the id, so wait for it (bounded).
        if (!isIterationCollision(error) || attempt >= UPSERT_ATTEMPTS) throw error;
        const stored = await this.queue.getJobScheduler(schedulerId(show.id));
        if (stored?.pattern === repeat.pattern && (stored.tz ?? undefined) === repeat.tz) return;
        await sleep(UPSERT_RETRY_MS);
      }
    }
  }

  async remove(showId: string): Promise<void> {
    await this.queue.removeJobScheduler(schedulerId(showId));
  }

  async nextRun(showId: string): Promise<Date | null> {
    const scheduler = await this.queue.getJobScheduler(schedulerId(showId));
    return scheduler?.next ? new Date(scheduler.next) : null;
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
  }
}
