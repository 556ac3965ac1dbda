import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { buildFromArticles } from '../../src/pipeline/build-now.js';
import { checkArtworkFile } from '../../src/config/artwork-check.js';
import { loadShowFile, parseShowConfig } from '../../src/config/load-show.js';
import type { EpisodeAudio } from '../../src/core/episode.js';
import { BriefcastError, ErrorCodes } from '../../src/core/errors.js';
import { addressRangeName, formatBytes, redactUrlCredentials } from '../../src/core/readable.js';
import { distinctTitle, episodeTitle } from '../../src/feed/episode-title.js';
import { podcastFeedWarnings } from '../../src/feed/feed-warnings.js';
import { buildFlashBriefing } from '../../src/feed/flash-briefing.js';
import { flashBriefingWarnings } from '../../src/feed/flash-warnings.js';
import { publishTimeFor, zonedWallClock } from '../../src/feed/publish-time.js';
import { checkAddress } from '../../src/ingest/address-policy.js';
import { contentTypeFor } from '../../src/storage/content-type.js';

function expectBriefcastFailure(work: () => unknown, code: string, message: RegExp): void {
  let caught: unknown;
  try {
    work();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(BriefcastError);
  expect((caught as BriefcastError).code).toBe(code);
  expect((caught as BriefcastError).message).toMatch(message);
}

const base = { id: 'rules', title: 'Rules', description: 'd', author: 'a' };
const examplesShow = new URL('../../examples/show.json', import.meta.url).pathname;

describe('demo show artwork', () => {
  it('ships square artwork Apple accepts and names it in examples/show.json', async () => {
    const show = await loadShowFile(examplesShow);
    expect(show.artwork).toMatch(/examples\/artwork\.jpg$/);
    const info = await checkArtworkFile(show.artwork!);
    expect(info.width).toBe(info.height);
    expect(info.width).toBeGreaterThanOrEqual(1400);
    expect(info.type).toBe('jpg');
  });

  it('warns when a show has no artwork, and only then', () => {
    expect(podcastFeedWarnings({ id: 'x' }, undefined)).toEqual([expect.objectContaining({ code: 'feed-no-artwork' })]);
    expect(podcastFeedWarnings({ id: 'x' }, 'https://cdn.example.com/a.jpg')).toEqual([]);
  });
});

describe('publish times', () => {
  const clock = { publishTime: '06:00', timeZone: 'UTC' };
  const now = new Date('2026-12-01T18:42:10Z');

  it('keeps the build time for today and the publish time in the show zone for another day', () => {
    expect(publishTimeFor({ id: 'a', date: '2026-12-01' }, [], now, clock).toISOString()).toBe('2026-12-01T18:42:10.000Z');
    expect(publishTimeFor({ id: 'a', date: '2025-06-02' }, [], now, clock).toISOString()).toBe('2025-06-02T06:00:00.000Z');
    expect(publishTimeFor({ id: 'a', date: '2025-06-02' }, [], now, { publishTime: '06:00', timeZone: 'America/New_York' }).toISOString()).toBe('2025-06-02T10:00:00.000Z');
    expect(publishTimeFor({ id: 'a', date: '2025-01-15' }, [], now, { publishTime: '06:00', timeZone: 'Europe/Berlin' }).toISOString()).toBe('2025-01-15T05:00:00.000Z');
  });

  it('puts each further same-day episode a minute after the latest one, so times stay distinct and ordered', () => {
    const others = [
      { id: 'a', date: '2025-06-02', publishedAt: '2025-06-02T06:00:00.000Z' },
      { id: 'b', date: '2025-06-02', publishedAt: '2025-06-02T06:01:00.000Z' },
      { id: 'c', date: '2025-06-03', publishedAt: '2025-06-03T06:00:00.000Z' },
    ];
    expect(publishTimeFor({ id: 'd', date: '2025-06-02' }, others, now, clock).toISOString()).toBe('2025-06-02T06:02:00.000Z');
    const today = [{ id: 'a', date: '2026-12-01', publishedAt: '2026-12-01T18:42:10.000Z' }];
    expect(publishTimeFor({ id: 'b', date: '2026-12-01' }, today, now, clock).toISOString()).toBe('2026-12-01T18:43:10.000Z');
  });

  it('finds the wall-clock instant across daylight saving changes', () => {
    expect(zonedWallClock('2025-03-30', '06:00', 'Europe/London').toISOString()).toBe('2025-03-30T05:00:00.000Z');
    expect(zonedWallClock('2025-10-26', '06:00', 'Europe/London').toISOString()).toBe('2025-10-26T06:00:00.000Z');
  });

  it('validates the publish time and time zone settings', () => {
    expect(parseShowConfig(base).publishTime).toBe('06:00');
    expectBriefcastFailure(() => parseShowConfig({ ...base, publishTime: '6am' }), ErrorCodes.CONFIG_INVALID, /publishTime: must be a time of day/);
    expectBriefcastFailure(() => parseShowConfig({ ...base, timezone: 'Mars/Olympus' }), ErrorCodes.CONFIG_INVALID, /timezone: must be an IANA time zone/);
  });
});

describe('episode titles', () => {
  it('name the day and the lead story, shortened at a word, and number repeats of the same day', () => {
    expect(episodeTitle('Daily', '2025-06-02', 'Storm  Orla closes ports')).toBe('Daily: Monday, 2 June 2025 – Storm Orla closes ports');
    const long = episodeTitle('Daily', '2025-06-02', 'A very long headline that goes on and on about the council meeting and its many decisions');
    expect(long.length).toBeLessThan('Daily: Monday, 2 June 2025 – '.length + 71);
    expect(long).toMatch(/ – A very long headline .*\w…$/);
    expect(distinctTitle('T', ['T', 'T (edition 2)'])).toBe('T (edition 3)');
    expect(distinctTitle('T', ['U'])).toBe('T');
  });
});

describe('Alexa flash briefing warnings', () => {
  const audio = (overrides: Partial<EpisodeAudio> = {}): EpisodeAudio => ({
    key: 'k', url: 'https://cdn.example.com/a.mp3', mimeType: 'audio/mpeg', durationSeconds: 120, bytes: 256_000 * 15, integratedLufs: -14, truePeakDbtp: -2.2, loudnessRangeLu: 3, ...overrides,
  });
  const items = (streamUrl: string, redirectionUrl: string) =>
    buildFlashBriefing([{ guid: 'g', date: '2026-12-01T06:00:00Z', title: 'Morning', text: 'Hello.', streamUrl }], { namespace: '917393e3-1b1e-5cef-ace4-edaa54e1f810', redirectionUrl });

  it('says nothing for HTTPS and a rendition inside every documented limit', () => {
    expect(flashBriefingWarnings(items('https://cdn.example.com/a.mp3', 'https://example.com/'), 'https://example.com/', () => audio())).toEqual([]);
  });

  it('warns, never throws, for http URLs, a low bit rate, wrong length, loudness and peak', () => {
    const codes = (warningAudio: EpisodeAudio, stream = 'http://127.0.0.1:8080/a.mp3') =>
      flashBriefingWarnings(items(stream, 'http://127.0.0.1:8080/'), 'http://127.0.0.1:8080/', () => warningAudio).map((warning) => warning.code);
    expect(codes(audio())).toEqual(['alexa-http-redirection', 'alexa-http-stream']);
    expect(codes(audio({ bytes: 96_000 * 15 }), 'https://x.example/a.mp3')).toContain('alexa-audio-bitrate');
    expect(codes(audio({ durationSeconds: 700, bytes: 256_000 * 700 / 8 }), 'https://x.example/a.mp3')).toContain('alexa-audio-long');
    expect(codes(audio({ durationSeconds: 5, bytes: 256_000 * 5 / 8 }), 'https://x.example/a.mp3')).toContain('alexa-audio-short');
    expect(codes(audio({ integratedLufs: -20 }), 'https://x.example/a.mp3')).toContain('alexa-audio-loudness');
    expect(codes(audio({ truePeakDbtp: -0.5 }), 'https://x.example/a.mp3')).toContain('alexa-audio-peak');
    expect(codes(audio({ mimeType: 'audio/mp4' }), 'https://x.example/a.mp3')).toContain('alexa-audio-format');
    const [stream] = flashBriefingWarnings(items('http://127.0.0.1:8080/a.mp3', 'https://example.com/'), 'https://example.com/', () => undefined);
    expect(stream!.message).toMatch(/Alexa item "Morning": stream URL is not HTTPS/);
  });
});

describe('show configuration problems', () => {
  it("accepts Apple's categories and subcategories and refuses others with a hint", () => {
    expect(parseShowConfig({ ...base, category: 'Health & Fitness', subcategory: 'Mental Health' }).category).toBe('Health & Fitness');
    expect(parseShowConfig({ ...base, category: 'Technology' }).subcategory).toBeUndefined();
    expectBriefcastFailure(() => parseShowConfig({ ...base, category: 'news' }), ErrorCodes.CONFIG_INVALID, /category: "news" is not an Apple Podcasts category; did you mean "News"\?/);
    expectBriefcastFailure(() => parseShowConfig({ ...base, category: 'News', subcategory: 'Weather' }), ErrorCodes.CONFIG_INVALID, /subcategory: "Weather" is not a subcategory of "News"; Apple lists .*"Daily News"/);
    expectBriefcastFailure(() => parseShowConfig({ ...base, category: 'Technology', subcategory: 'Gadgets' }), ErrorCodes.CONFIG_INVALID, /"Technology" has no subcategories/);
  });

  it('reports every problem of a show file in one run, artwork included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'briefcast-show-'));
    try {
      await writeFile(join(dir, 'wide.png'), Buffer.from('not an image'));
      const file = join(dir, 'show.json');
      await writeFile(file, JSON.stringify({ id: 'Bad Id', title: 'T', description: 'd', explicit: 'maybe', category: 'Newz', artwork: 'wide.png', feedMaxItems: 0 }));
      const error = await loadShowFile(file).then(() => undefined, (failure: unknown) => failure as BriefcastError);
      expect(error?.code).toBe(ErrorCodes.CONFIG_INVALID);
      for (const field of ['id:', 'author:', 'explicit:', 'category:', 'feedMaxItems:', 'artwork:']) expect(error!.message).toContain(field);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('words ranges, sizes and URLs for people', () => {
    expect(checkAddress('fd00::1', false)).toEqual({ allowed: false, reason: 'private network (IPv6 unique local) address fd00::1' });
    expect(checkAddress('100.64.0.1', false)).toEqual({ allowed: false, reason: 'shared carrier network (carrier-grade NAT) address 100.64.0.1' });
    expect(addressRangeName('somethingNew')).toBe('something new');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(redactUrlCredentials('https://ann:s3cret@feeds.example.com/a and http://token@x.example/')).toBe('https://***@feeds.example.com/a and http://***@x.example/');
    const error = new BriefcastError(ErrorCodes.URL_REFUSED, 'refused', { subject: 'https://ann:s3cret@feeds.example.com/rss' });
    expect(error.toLine()).toBe('https://***@feeds.example.com/rss: refused');
    expect(JSON.stringify(error)).not.toContain('s3cret');
  });

  it('serves chapters.json with the chapters type and other JSON as JSON', () => {
    expect(contentTypeFor('shows/s/episodes/e/chapters.json')).toBe('application/json+chapters');
    expect(contentTypeFor('shows/s/alexa.json')).toBe('application/json; charset=utf-8');
  });
});

describe('warnings at feed build time', () => {
  it('logs a missing artwork and an http flash briefing link while publishing the feed anyway', async () => {
    const root = await mkdtemp(join(tmpdir(), 'briefcast-warn-'));
    const lines: Array<{ level: number; code?: string; msg: string }> = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const config = loadConfig({ BRIEFCAST_DATA_DIR: join(root, 'data'), BRIEFCAST_PUBLISH_DIR: join(root, 'published'), BRIEFCAST_PUBLIC_URL: 'http://127.0.0.1:8080/' });
    const app = createApp(config, { logger });
    try {
      const show = parseShowConfig(base);
      const article = { id: 'a', title: 'Ferry times change', text: 'The island ferry runs every hour from Monday. Fares stay the same.', source: 'x' };
      await buildFromArticles(app.ctx, show, [article], { date: new Date('2026-12-01T12:00:00Z'), episodeId: 'd1', draft: true });
      const codes = lines.map((line) => line.code);
      expect(codes).toContain('feed-no-artwork');
      expect(codes).toContain('alexa-http-redirection');
      expect(lines.every((line) => line.level === 40)).toBe(true);
      expect(await readFile(join(root, 'published', 'shows', 'rules', 'feed.xml'), 'utf8')).toContain('<rss');
    } finally {
      await app.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
