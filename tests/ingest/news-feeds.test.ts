import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultIngestOptions } from '../../src/ingest/index.js';
import { decodeFeedBytes, fetchNewsFeed } from '../../src/ingest/feeds/index.js';
import { parseNewsFeed } from '../../src/ingest/feeds/parse-news-feed.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

const bytes = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/feeds/${name}`, import.meta.url))));

describe('parseNewsFeed', () => {
  it('reads RSS 2.0: CDATA padding trimmed, HTML to text, link-only lines dropped, relative links resolved', () => {
    const items = parseNewsFeed(bytes('rss2.xml'), 'https://news.example.com/feeds/rss.xml');
    expect(items).toHaveLength(4);
    expect(items[0]).toEqual({
      guid: 'harbour-wall-1',
      title: 'Council approves new harbour wall',
      link: 'https://news.example.com/news/harbour-wall',
      description: 'The council voted 9-2 for the £4m scheme.\n\nWork starts in May.',
      publishedAt: '2025-03-04T09:00:00.000Z',
      feedTitle: 'Harbour Town News',
      feedUrl: 'https://news.example.com/feeds/rss.xml',
    });
    // A permalink guid stands in for a missing <link>; dc:date for a missing pubDate.
    expect(items[3]).toMatchObject({
      title: 'School & library hours extended',
      link: 'https://news.example.com/news/library-hours',
      publishedAt: '2025-03-03T12:00:00.000Z',
    });
  });

  it('reads RSS 1.0 (RDF) with dc:date', () => {
    const items = parseNewsFeed(bytes('rdf.xml'), 'https://science.example.org/rss');
    expect(items.map((i) => [i.title, i.link, i.publishedAt, i.description])).toEqual([
      ['Comet visible to the naked eye next week', 'https://science.example.org/comet', '2025-04-01T18:00:00.000Z', 'Astronomers say the comet will be brightest on 12 April.'],
      ['Bees learn to count to four', 'https://science.example.org/bees', '2025-03-30T09:00:00.000Z', 'A study found bees can count.'],
    ]);
    expect(items[0]?.feedTitle).toBe('Science Notes');
  });

  it('reads Atom: nested xml:base, alternate links, html titles, no script or iframe text', () => {
    const items = parseNewsFeed(bytes('atom.xml'), 'https://elsewhere.example/feed');
    expect(items[0]).toMatchObject({
      guid: 'tag:politics.example.net,2025:1',
      title: 'Senate passes budget bill',
      link: 'https://politics.example.net/news/budget-bill',
      description: 'The Senate passed the bill 52-48.\n\nIt now goes to the House.',
      publishedAt: '2025-02-10T15:00:00.000Z',
      feedTitle: 'Politics & Policy',
    });
    expect(items[1]).toMatchObject({
      title: 'Governor vetoes map',
      link: 'https://politics.example.net/states/ohio/veto-map',
      publishedAt: '2025-02-09T08:00:00.000Z',
    });
    expect(JSON.stringify(items)).not.toMatch(/LEAK|window\.evil/);
  });

  it('decodes ISO-8859-1 declared in the XML declaration', () => {
    const [item] = parseNewsFeed(bytes('latin1.xml'), 'https://fr.example.com/rss');
    expect(item?.title).toBe('Le café de la gare réouvre à Noël');
    expect(item?.description).toBe('Le propriétaire, José, a dépensé 12 000 euros en travaux.');
    expect(item?.feedTitle).toBe('Nouvelles de la Région');
  });

  it('sniffs undeclared legacy bytes as windows-1252 and lets the HTTP charset win', () => {
    const legacy = Buffer.from('<rss version="2.0"><channel><title>T</title><item><title>\x93Caf\xe9\x94 opens</title><link>https://x.example/a</link></item></channel></rss>', 'latin1');
    expect(parseNewsFeed(new Uint8Array(legacy), 'https://x.example/rss')[0]?.title).toBe('“Café” opens');
    const declaredWrong = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="utf-8"?>'), Buffer.from('<a>\xe9</a>', 'latin1')]);
    expect(decodeFeedBytes(new Uint8Array(declaredWrong), 'iso-8859-1')).toContain('<a>é</a>');
  });

  it('throws INPUT_UNSUPPORTED with the feed URL for something that is not a feed', () => {
    expect(() => parseNewsFeed(new TextEncoder().encode('<html><body>hello</body></html>'), 'https://x.example/page')).toThrowError(
      expect.objectContaining({ code: 'INPUT_UNSUPPORTED', subject: 'https://x.example/page' }),
    );
  });
});

describe('fetchNewsFeed over loopback HTTP', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer({
      '/feeds/latin1': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=ISO-8859-1' }).end(Buffer.from(bytes('latin1.xml'))),
      '/old-feed': (_req, res) => res.writeHead(301, { location: '/feeds/atom' }).end(),
      '/feeds/atom': (_req, res) => res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(Buffer.from(bytes('atom.xml'))),
      '/feeds/pdf': (_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF'),
    });
  });
  afterAll(() => server.close());

  const options = { ...defaultIngestOptions, allowPrivateNetwork: true };

  it('fetches, decodes by the HTTP charset and parses', async () => {
    const items = await fetchNewsFeed(`${server.origin}/feeds/latin1`, options);
    expect(items[0]?.title).toBe('Le café de la gare réouvre à Noël');
    expect(items[0]?.feedUrl).toBe(`${server.origin}/feeds/latin1`);
  });

  it('follows redirects and records the final feed URL', async () => {
    const items = await fetchNewsFeed(`${server.origin}/old-feed`, options);
    expect(items[0]?.feedUrl).toBe(`${server.origin}/feeds/atom`);
  });

  it('refuses loopback unless private networks are allowed, and non-feed content types', async () => {
    await expect(fetchNewsFeed(`${server.origin}/feeds/atom`, defaultIngestOptions)).rejects.toMatchObject({ code: 'URL_REFUSED' });
    await expect(fetchNewsFeed(`${server.origin}/feeds/pdf`, options)).rejects.toMatchObject({ code: 'INPUT_UNSUPPORTED' });
  });
});
