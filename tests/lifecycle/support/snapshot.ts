import type { EpisodeRecord } from '../../../src/core/episode.js';
import type { EpisodeEvent } from '../../../src/pipeline/episode-runner.js';
import type { PipelineContext } from '../../../src/pipeline/context.js';
import { publicKeys } from '../../../src/storage/keys.js';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * What the contract compares across executors: the record with timestamps
 * masked and the storage's public base URL taken off (local folders and S3
 * publish under different bases); everything else, measured audio included,
 * must be equal.
 */
/** Public URLs differ only before the key, which starts at `shows/`. */
const PUBLIC_BASE = /[a-z]+:\/\/[^"\s<]*?\/(?=shows\/)/g;

export function maskRecord(record: unknown): unknown {
  const mask = (value: unknown): unknown => {
    if (typeof value === 'string') return TIMESTAMP.test(value) ? '<time>' : value.replace(PUBLIC_BASE, '<base>/');
    if (Array.isArray(value)) return value.map(mask);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, mask(inner)]));
    return value;
  };
  return mask(record);
}

/** The show's published files, as keys, and the feed's episode guids and enclosures (base taken off). */
export async function publishedFiles(ctx: PipelineContext, showId: string): Promise<{ keys: string[]; feed: string }> {
  const keys = (await ctx.publish.list(`shows/${showId}/`)).sort();
  let feed = '';
  if (keys.includes(publicKeys.feed(showId))) {
    const xml = Buffer.from(await ctx.publish.get(publicKeys.feed(showId))).toString('utf8');
    // The channel's build date changes with every rebuild; the items are what the contract is about.
    feed = [...xml.matchAll(/<item>[\s\S]*?<\/item>/g)].map((match) => match[0].replace(PUBLIC_BASE, '<base>/').replace(/<pubDate>[^<]*<\/pubDate>/, '')).join('\n');
  }
  return { keys, feed };
}

export function maskEvents(events: EpisodeEvent[], showId: string): unknown[] {
  return events.filter((event) => event.show.id === showId).map((event) => ({ type: event.type, record: maskRecord(event.record as EpisodeRecord) }));
}
