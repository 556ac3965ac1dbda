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
export function maskRecord(ctx: PipelineContext, record: unknown): unknown {
  const base = ctx.publish.publicUrl('');
  const mask = (value: unknown): unknown => {
    if (typeof value === 'string') return TIMESTAMP.test(value) ? '<time>' : value.startsWith(base) ? `<base>${value.slice(base.length)}` : value;
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
    feed = [...xml.matchAll(/<item>[\s\S]*?<\/item>/g)].map((match) => match[0].split(ctx.publish.publicUrl('')).join('<base>').replace(/<pubDate>[^<]*<\/pubDate>/, '')).join('\n');
  }
  return { keys, feed };
}

export function maskEvents(ctx: PipelineContext, events: EpisodeEvent[], showId: string): unknown[] {
  return events.filter((event) => event.show.id === showId).map((event) => ({ type: event.type, record: maskRecord(ctx, event.record as EpisodeRecord) }));
}
