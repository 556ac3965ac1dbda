import { parseFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';
import { isRelatedLine } from '../../clean/rules/boilerplate.js';
import { isPromoParagraph } from '../../clean/rules/promos.js';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import { toIsoDate } from '../html-metadata.js';
import { htmlNodeToParagraphs, type DomNodeLike } from '../html-to-text.js';
import { collapseSpaces } from '../text-layout.js';
import { jsonDepth } from '../../core/nesting.js';
import { xmlDepth } from '../html-limits.js';
import { decodeFeedBytes } from './decode-feed.js';
import type { NewsFeedItem } from './types.js';

type Parsed = ReturnType<typeof parseFeed>;

/** Real feeds nest a handful of levels (rss > channel > item > media:group > ...). */
export const MAX_FEED_DEPTH = 64;
type XmlBase = { xml?: { base?: string } } | undefined;

/**
 * Feed HTML (descriptions, html-typed titles) to plain text. Link-only blocks ("Continue
 * reading...") and the cleaner's related-link and plug paragraphs are dropped.
 */
export function feedHtmlToText(value: string | undefined, isDescription = false): string {
  if (!value) return '';
  if (!/[<&]/.test(value)) return collapseSpaces(value);
  const { document } = parseHTML(`<!doctype html><html><body>${value}</body></html>`);
  const paragraphs = htmlNodeToParagraphs(document.body as unknown as DomNodeLike, { dropLinkOnlyBlocks: isDescription });
  return paragraphs.filter((p) => !isDescription || (!isRelatedLine(p) && !isPromoParagraph(p))).join('\n\n');
}

const descriptionText = (value: string | undefined) => feedHtmlToText(value, true);

function resolve(href: string | undefined, base: string): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** xml:base applies relative to its parent's base, so a nested base is resolved against the outer one. */
function baseFor(outer: string, node: XmlBase): string {
  return resolve(node?.xml?.base, outer) ?? outer;
}

function textOf(value: { value?: string; type?: string } | undefined, isDescription = false): string {
  if (value === undefined) return '';
  return value.type === 'text' || value.type === undefined ? collapseSpaces(value.value ?? '') : feedHtmlToText(value.value, isDescription);
}

function item(fields: Omit<NewsFeedItem, 'feedUrl' | 'title' | 'description'> & { title: string; description: string }, feedUrl: string): NewsFeedItem | undefined {
  const title = collapseSpaces(fields.title) || collapseSpaces(fields.description).slice(0, 120);
  if (!title) return undefined;
  const result: NewsFeedItem = { title, description: fields.description, feedUrl };
  if (fields.guid?.trim()) result.guid = fields.guid.trim();
  if (fields.link) result.link = fields.link;
  if (fields.publishedAt) result.publishedAt = fields.publishedAt;
  if (fields.feedTitle) result.feedTitle = fields.feedTitle;
  return result;
}

function fromRss(feed: Extract<Parsed, { format: 'rss' }>['feed'], feedUrl: string): NewsFeedItem[] {
  const base = baseFor(feedUrl, feed as XmlBase);
  const feedTitle = collapseSpaces(feed.title ?? '') || undefined;
  return (feed.items ?? []).flatMap((entry) => {
    const itemBase = baseFor(base, entry as XmlBase);
    const guid = entry.guid?.value;
    const link = resolve(entry.link, itemBase) ?? (entry.guid?.isPermaLink !== false ? resolve(guid, itemBase) : undefined);
    const made = item(
      {
        guid,
        title: feedHtmlToText(entry.title),
        link,
        description: descriptionText(entry.description ?? entry.content?.encoded),
        publishedAt: toIsoDate(entry.pubDate) ?? toIsoDate(entry.dc?.dates?.[0]),
        feedTitle,
      },
      feedUrl,
    );
    return made ? [made] : [];
  });
}

function fromRdf(feed: Extract<Parsed, { format: 'rdf' }>['feed'], feedUrl: string): NewsFeedItem[] {
  const base = baseFor(feedUrl, feed as XmlBase);
  const feedTitle = collapseSpaces(feed.title ?? '') || undefined;
  return (feed.items ?? []).flatMap((entry) => {
    const itemBase = baseFor(base, entry as XmlBase);
    const made = item(
      {
        guid: entry.rdf?.about,
        title: feedHtmlToText(entry.title),
        link: resolve(entry.link, itemBase) ?? resolve(entry.rdf?.about, itemBase),
        description: descriptionText(entry.description ?? entry.content?.encoded),
        publishedAt: toIsoDate(entry.dc?.dates?.[0]),
        feedTitle,
      },
      feedUrl,
    );
    return made ? [made] : [];
  });
}

function fromAtom(feed: Extract<Parsed, { format: 'atom' }>['feed'], feedUrl: string): NewsFeedItem[] {
  const base = baseFor(feedUrl, feed as XmlBase);
  const feedTitle = textOf(feed.title) || undefined;
  return (feed.entries ?? []).flatMap((entry) => {
    const entryBase = baseFor(base, entry as XmlBase);
    const links = entry.links ?? [];
    const alternate =
      links.find((l) => (l.rel ?? 'alternate') === 'alternate' && (!l.type || /html/i.test(l.type))) ??
      links.find((l) => (l.rel ?? 'alternate') === 'alternate');
    const made = item(
      {
        guid: entry.id,
        title: textOf(entry.title),
        link: resolve(alternate?.href, entryBase),
        description: textOf(entry.summary, true) || textOf(entry.content, true),
        publishedAt: toIsoDate(entry.published) ?? toIsoDate(entry.updated),
        feedTitle,
      },
      feedUrl,
    );
    return made ? [made] : [];
  });
}

function fromJson(feed: Extract<Parsed, { format: 'json' }>['feed'], feedUrl: string): NewsFeedItem[] {
  const feedTitle = collapseSpaces(feed.title ?? '') || undefined;
  return (feed.items ?? []).flatMap((entry) => {
    const made = item(
      {
        guid: entry.id,
        title: entry.title ?? '',
        link: resolve(entry.url, feedUrl),
        description: entry.content_text ? collapseSpaces(entry.content_text) : descriptionText(entry.summary ?? entry.content_html),
        publishedAt: toIsoDate(entry.date_published),
        feedTitle,
      },
      feedUrl,
    );
    return made ? [made] : [];
  });
}

/**
 * Parses RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed bytes into plain-text items in feed
 * order. `httpCharset` is the charset the server declared, when fetched over HTTP.
 */
export function parseNewsFeed(body: Uint8Array, feedUrl: string, httpCharset?: string, maxDepth = MAX_FEED_DEPTH): NewsFeedItem[] {
  const text = decodeFeedBytes(body, httpCharset);
  // The XML and JSON parsers recurse: a deep document is refused by a linear scan before either runs.
  const depth = /^\s*[[{]/.test(text) ? jsonDepth(text) : xmlDepth(text, maxDepth);
  if (depth > maxDepth) {
    throw new BriefcastError(ErrorCodes.INPUT_LIMIT, `feed nests deeper than ${maxDepth} elements`, { subject: feedUrl, details: { limit: 'feedDepth', max: maxDepth } });
  }
  let parsed: Parsed;
  try {
    parsed = parseFeed(text);
  } catch (error) {
    throw new BriefcastError(ErrorCodes.INPUT_UNSUPPORTED, 'not an RSS, RDF, Atom or JSON feed', { subject: feedUrl, cause: error });
  }
  switch (parsed.format) {
    case 'rss':
      return fromRss(parsed.feed, feedUrl);
    case 'rdf':
      return fromRdf(parsed.feed, feedUrl);
    case 'atom':
      return fromAtom(parsed.feed, feedUrl);
    case 'json':
      return fromJson(parsed.feed, feedUrl);
  }
}
