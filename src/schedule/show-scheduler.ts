import type { ShowConfig } from '../config/show-config.js';

/** Keeps each show's timetable running; the API calls `sync` whenever a show is saved or deleted. */
export interface ShowScheduler {
  /** Starts, changes or stops the show's timetable to match its `schedule`. */
  sync(show: ShowConfig): Promise<void>;
  remove(showId: string): Promise<void>;
  /** When the show's next briefing is due, if it has a schedule. */
  nextRun(showId: string): Promise<Date | null>;
  close(): Promise<void>;
}
