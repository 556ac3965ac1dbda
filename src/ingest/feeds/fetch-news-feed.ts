import type { IngestOptions } from '../options.js';
import { safeFetch, type SafeFetchOptions } from '../safe-fetch.js';
import { parseFeedOffThread } from '../off-thread-parsing.js';
import type { NewsFeedItem } from './types.js';

/** Servers label feeds many ways; text/html is included because some send feeds with it. */
const FEED_TYPES = new Set([
  '', 'application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml',
  'application/feed+json', 'application/json', 'text/plain', 'text/html', 'application/x-rss+xml',
]);

/** Downloads a feed through safe-fetch (same address, size and time guards as articles) and parses it off the main thread. */
export async function fetchNewsFeed(url: string, options: IngestOptions, extra: Pick<SafeFetchOptions, 'lookup' | 'addressPolicy'> = {}): Promise<NewsFeedItem[]> {
  const response = await safeFetch(url, {
    ...options,
    ...extra,
    accept: 'application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1',
    isAllowedType: (type) => FEED_TYPES.has(type),
  });
  // Relative links resolve against where the feed really lives, after redirects; parsed in the worker pool, under the time cap.
  return parseFeedOffThread(response.body, response.url, response.charset, options.parseTimeoutMs);
}
