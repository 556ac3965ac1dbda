import { Cron } from 'croner';
import type { ShowConfig } from '../config/show-config.js';
import type { Logger } from '../core/logger.js';
import type { ShowScheduler } from './show-scheduler.js';

export type TickHandler = (showId: string, tick: Date) => Promise<unknown>;

/**
 * In-process timetables (croner), for the embedded mode where this process is
 * the only one. A tick that comes while the previous one still runs is
 * skipped (`protect`), so one slow feed cannot pile briefings up.
 */
export class EmbeddedScheduler implements ShowScheduler {
  private readonly jobs = new Map<string, { job: Cron; signature: string }>();
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly onTick: TickHandler,
    private readonly logger: Logger,
  ) {}

  async sync(show: ShowConfig): Promise<void> {
    const schedule = show.schedule;
    if (!schedule) return this.remove(show.id);
    const signature = `${schedule.cron}|${schedule.timezone}`;
    if (this.jobs.get(show.id)?.signature === signature) return;
    await this.remove(show.id);
    const job = new Cron(
      schedule.cron,
      { timezone: schedule.timezone, protect: true, name: `briefing:${show.id}` },
      async (self: Cron) => {
        const run = this.onTick(show.id, self.currentRun() ?? new Date()).catch((error: unknown) =>
          this.logger.error({ err: error, showId: show.id }, 'scheduled briefing crashed'),
        );
        this.running.add(run);
        await run.finally(() => this.running.delete(run));
      },
    );
    this.jobs.set(show.id, { job, signature });
  }

  async remove(showId: string): Promise<void> {
    this.jobs.get(showId)?.job.stop();
    this.jobs.delete(showId);
  }

  async nextRun(showId: string): Promise<Date | null> {
    return this.jobs.get(showId)?.job.nextRun() ?? null;
  }

  async close(): Promise<void> {
    for (const { job } of this.jobs.values()) job.stop();
    this.jobs.clear();
    await Promise.allSettled([...this.running]);
  }
}
