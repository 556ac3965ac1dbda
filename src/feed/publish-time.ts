import type { EpisodeRecord } from '../core/episode.js';

/**
 * When an episode appears in the feed (its pubDate). An episode for today is
 * dated when it is published; one for another day (`--date`) is dated that day
 * at the show's publish time in the show's time zone, so the pubDate agrees
 * with the title and the ID3 date. Episodes of one day never share a time:
 * each is dated at least a minute after the latest one already published for
 * that day, which keeps them distinct and in publishing order in every app.
 */
export interface PublishClock {
  /** Wall-clock "HH:MM" for episodes dated another day. */
  publishTime: string;
  /** IANA time zone of the show. */
  timeZone: string;
}

const SAME_DAY_STEP_MS = 60_000;

export function publishTimeFor(record: Pick<EpisodeRecord, 'id' | 'date'>, others: Array<Pick<EpisodeRecord, 'id' | 'date' | 'publishedAt'>>, now: Date, clock: PublishClock): Date {
  const today = record.date === zonedDay(now, clock.timeZone) || record.date === now.toISOString().slice(0, 10);
  let at = today ? now.getTime() : zonedWallClock(record.date, clock.publishTime, clock.timeZone).getTime();
  const latestSameDay = Math.max(
    ...others.filter((other) => other.id !== record.id && other.date === record.date && other.publishedAt).map((other) => Date.parse(other.publishedAt!)),
  );
  if (Number.isFinite(latestSameDay) && latestSameDay + SAME_DAY_STEP_MS > at) at = latestSameDay + SAME_DAY_STEP_MS;
  return new Date(at);
}

/** "YYYY-MM-DD" of an instant as seen in a time zone. */
export function zonedDay(instant: Date, timeZone: string): string {
  const parts = zonedParts(instant, timeZone);
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

/** The instant at which the wall clock in `timeZone` shows `day` at `hhmm` (the later one in a DST fold). */
export function zonedWallClock(day: string, hhmm: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  // The zone's offset at the guess, then again at the corrected instant (offsets change at DST).
  let instant = wall - offsetMs(new Date(wall), timeZone);
  instant = wall - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

function offsetMs(instant: Date, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

function zonedParts(instant: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
