import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { imageSize } from 'image-size';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITUNES_CATEGORIES } from '../../src/config/itunes-categories.js';
import type { EpisodeRecord } from '../../src/core/episode.js';
import { buildFromArticles } from '../../src/pipeline/build-now.js';
import { createServer } from '../../src/server/create-server.js';
import { articles, buildEpisodeFixture, type EpisodeFixture } from './support/episode-fixture.js';
import { run } from './support/media-tools.js';

/**
 * The published feed as other clients read it: gPodder's podcastparser and
 * Python's feedparser (Debian's python3-podcastparser and python3-feedparser,
 * installed by .ci/run), plus the W3C validator's rules that apply, Apple's
 * required tags (artwork fetched over HTTP and measured) and Amazon's flash
 * briefing fields. Two episodes are built for an earlier day (`--date`), so the
 * dates and titles of same-day episodes are checked too.
 */
const PYTHON = '/usr/bin/python3';
const CLIENTS = fileURLToPath(new URL('./support/python-feed-clients.py', import.meta.url));
const PUBLIC = 'https://cdn.example.com/podcasts/';
const RFC_2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

interface PythonView {
  podcastparser: {
    title: string;
    cover_url?: string;
    explicit?: boolean;
    episodes: Array<{ title: string; guid: string; published: number; explicit?: boolean; enclosures: Array<{ url: string; file_size: number; mime_type: string }> }>;
  };
  feedparser: {
    bozo: boolean;
    bozo_exception: string;
    version: string;
    title: string;
    explicit: boolean | null;
    image?: string;
    self: string[];
    entries: Array<{ title: string; id: string; published: string; explicit: boolean | null; enclosures: Array<{ href: string; type: string; length: string }> }>;
  };
}

describe('the feed in gPodder, feedparser, the W3C rules, Apple and Amazon', () => {
  let fixture: EpisodeFixture;
  let xml: string;
  let python: PythonView;
  let earlier: EpisodeRecord[];
  let base: string;
  let close: () => Promise<void>;
  const fetchPublished = (url: string) => fetch(url.replace(PUBLIC, `${base}/`));

  beforeAll(async () => {
    // Show time zone Europe/London, publish time 07:30: 2 June 2025 07:30 BST is 06:30 UTC.
    fixture = await buildEpisodeFixture({ timezone: 'Europe/London', publishTime: '07:30' });
    const day = new Date('2025-06-02T12:00:00Z');
    // Same lead story, one more article: a different episode that would otherwise share the title.
    earlier = [
      await buildFromArticles(fixture.app.ctx, fixture.show, [articles[1]!], { date: day, episodeId: 'early1' }),
      await buildFromArticles(fixture.app.ctx, fixture.show, [articles[1]!, articles[0]!], { date: day, episodeId: 'early2' }),
    ];
    xml = await readFile(fixture.published(`shows/${fixture.show.id}/feed.xml`), 'utf8');
    const feedFile = fixture.published(`shows/${fixture.show.id}/feed.xml`);
    const { stdout } = await run(PYTHON, [CLIENTS, feedFile, `${PUBLIC}shows/${fixture.show.id}/feed.xml`], { maxBuffer: 8 * 1024 * 1024 });
    python = JSON.parse(stdout) as PythonView;
    const server = await createServer({ publishDir: fixture.publishDir });
    base = await server.listen({ host: '127.0.0.1', port: 0 });
    close = () => server.close();
  });
  afterAll(async () => {
    await close?.();
    await fixture?.dispose();
  });

  it('gPodder podcastparser reads the show, its artwork, explicit=false and every episode with its enclosure', () => {
    const feed = python.podcastparser;
    expect(feed.title).toBe(fixture.show.title);
    expect(feed.cover_url).toMatch(/^https:\/\/cdn\.example\.com\/podcasts\/shows\/outputs-test\/artwork-[0-9a-f]+\.png$/);
    expect(feed.explicit).toBe(false);
    expect(feed.episodes).toHaveLength(3);
    for (const episode of feed.episodes) {
      expect(episode.explicit).toBe(false);
      expect(episode.enclosures).toHaveLength(1);
      expect(episode.enclosures[0]!.mime_type).toBe('audio/mpeg');
      expect(episode.enclosures[0]!.file_size).toBeGreaterThan(10_000);
    }
  });

  it('feedparser reads it without complaint: title, image, every entry', () => {
    const feed = python.feedparser;
    expect(feed.bozo, feed.bozo_exception).toBe(false);
    expect(feed.version).toBe('rss20');
    expect(feed.title).toBe(fixture.show.title);
    // feedparser 6 knows only "yes" and "clean" and reads both "no" and Apple's "false" as None
    // (namespaces/itunes.py); gPodder above reads "false" as False, which is what Apple documents.
    expect(feed.explicit).toBeNull();
    expect(feed.entries).toHaveLength(3);
    expect(feed.image).toBe(python.podcastparser.cover_url);
  });

  it('dates an episode for another day at the show publish time in its zone, same-day episodes a minute apart, today at build time', () => {
    const byGuid = new Map(python.feedparser.entries.map((entry) => [entry.id, entry]));
    const today = byGuid.get(`briefcast:${fixture.show.id}:ep1`)!;
    const first = byGuid.get(`briefcast:${fixture.show.id}:early1`)!;
    const second = byGuid.get(`briefcast:${fixture.show.id}:early2`)!;
    expect(today.published).toBe('2026-11-28T09:00:00Z');
    expect(first.published).toBe('2025-06-02T06:30:00Z');
    expect(second.published).toBe('2025-06-02T06:31:00Z');
    // Newest first, as apps expect, and gPodder sees the same distinct times.
    expect(python.feedparser.entries.map((entry) => entry.id.split(':').pop())).toEqual(['ep1', 'early2', 'early1']);
    expect(new Set(python.podcastparser.episodes.map((episode) => episode.published)).size).toBe(3);
  });

  it('gives same-day episodes titles an app can tell apart', () => {
    const titles = python.podcastparser.episodes.map((episode) => episode.title);
    expect(new Set(titles).size).toBe(3);
    expect(earlier[0]!.title).toBe(`${fixture.show.title}: Monday, 2 June 2025 – Storm Bella brings heavy rain to the north`);
    expect(earlier[1]!.title).toBe(`${earlier[0]!.title} (edition 2)`);
  });

  it('follows the W3C validator rules that apply: explicit values, channel image, RFC 2822 dates, matching self link', () => {
    const explicit = [...xml.matchAll(/<itunes:explicit>([^<]*)<\/itunes:explicit>/g)].map((match) => match[1]);
    expect(explicit).toHaveLength(4);
    for (const value of explicit) expect(['true', 'false']).toContain(value);
    const channelImage = /<channel>[\s\S]*?<image>\s*<url>([^<]+)<\/url>\s*<title>[\s\S]+?<\/title>\s*<link>([^<]+)<\/link>\s*<\/image>/.exec(xml);
    expect(channelImage?.[1]).toBe(python.podcastparser.cover_url);
    const dates = [...xml.matchAll(/<(pubDate|lastBuildDate)>([^<]*)<\//g)].map((match) => match[2]!);
    expect(dates.length).toBe(5);
    for (const date of dates) {
      expect(date).toMatch(RFC_2822);
      expect(Number.isNaN(Date.parse(date))).toBe(false);
    }
    expect(python.feedparser.self).toEqual([`${PUBLIC}shows/${fixture.show.id}/feed.xml`]);
  });

  it("has Apple's required tags, a category from Apple's list and itunes:image reachable as a square JPEG or PNG of 1400-3000 px", async () => {
    for (const tag of ['title', 'description', 'language', 'itunes:author', 'itunes:explicit', 'itunes:owner']) expect(xml).toContain(`<${tag}>`);
    const category = /<itunes:category text="([^"]+)">\s*<itunes:category text="([^"]+)"\s*\/>/.exec(xml);
    const [name, sub] = [category?.[1]?.replace(/&amp;/g, '&'), category?.[2]?.replace(/&amp;/g, '&')];
    expect(ITUNES_CATEGORIES[name!]).toContain(sub);
    const href = /<itunes:image href="([^"]+)"/.exec(xml)?.[1];
    expect(href).toBe(python.podcastparser.cover_url);
    const response = await fetchPublished(href!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/(png|jpeg)$/);
    const size = imageSize(new Uint8Array(await response.arrayBuffer()));
    expect(size.width).toBe(size.height);
    expect(size.width).toBeGreaterThanOrEqual(1400);
    expect(size.width).toBeLessThanOrEqual(3000);
    // Every item: title, enclosure with url, length and type, guid.
    for (const entry of python.feedparser.entries) {
      expect(entry.title.length).toBeGreaterThan(0);
      expect(entry.id).toMatch(/^briefcast:/);
      expect(Number(entry.enclosures[0]!.length)).toBeGreaterThan(0);
    }
  });

  it('serves chapters.json with the type the feed names, application/json+chapters', async () => {
    const url = fixture.record.files!['chapters-json']!.url;
    expect(xml).toContain(`type="application/json+chapters"`);
    const response = await fetchPublished(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json+chapters');
    expect(((await response.json()) as { version: string }).version).toBe('1.2.0');
  });

  it("has Amazon's flash briefing fields on every item, newest first, HTTPS stream URLs", async () => {
    const response = await fetchPublished(`${PUBLIC}shows/${fixture.show.id}/alexa.json`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const items = (await response.json()) as Array<Record<string, string>>;
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items.length).toBeLessThanOrEqual(5);
    for (const item of items) {
      expect(item.uid).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(item.updateDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.0Z$/);
      expect(item.titleText!.length).toBeGreaterThan(0);
      expect(item.mainText!.length).toBeGreaterThan(0);
      expect(item.mainText!.length).toBeLessThan(4500);
      expect(item.redirectionUrl).toMatch(/^https:\/\//);
      if (item.streamUrl) expect(item.streamUrl).toMatch(/^https:\/\/.*\.mp3$/);
    }
    const dates = items.map((item) => item.updateDate!);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(new Set(items.map((item) => item.titleText)).size).toBe(items.length);
  });
});
