import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import webvtt from 'webvtt-parser';
import { XMLValidator } from 'fast-xml-parser';
import { parseFeed } from 'podcast-partytime';
import Parser from 'rss-parser';
import type { EpisodeRecord, EpisodeSegmentInfo } from '../../src/core/episode.js';
import { parseShowConfig } from '../../src/config/load-show.js';
import { buildFlashBriefing, plainText, type FlashEntry } from '../../src/feed/flash-briefing.js';
import { podcastGuid } from '../../src/feed/podcast-guid.js';
import { buildPodcastFeed } from '../../src/feed/rss-feed.js';
import { buildCues, splitIntoBlocks } from '../../src/feed/transcript-cues.js';
import { toWebVtt } from '../../src/feed/transcript-formats.js';

const htmlEntities = createRequire(import.meta.url)('webvtt-parser/html-entities.json') as Record<string, string>;

function segment(id: string, text: string, startSeconds: number, durationSeconds: number): EpisodeSegmentInfo {
  return { id, kind: 'story', title: id, text, provider: 'espeak', voice: 'en-us', cacheKey: id, cached: false, startSeconds, durationSeconds };
}

describe('podcast:guid', () => {
  it('matches the example the Podcasting 2.0 spec publishes, whatever the scheme and trailing slashes', () => {
    expect(podcastGuid('https://mp3s.nashownotes.com/pc20rss.xml')).toBe('917393e3-1b1e-5cef-ace4-edaa54e1f810');
    expect(podcastGuid('http://mp3s.nashownotes.com/pc20rss.xml//')).toBe('917393e3-1b1e-5cef-ace4-edaa54e1f810');
  });
});

describe('transcript cues', () => {
  const long =
    'Rail fares on regional lines will fall next month, the transport authority said on Monday, after a long campaign by passenger groups. ' +
    'Peak tickets are scrapped until the spring. A https://example.com/a-very-long-address-that-no-caption-line-could-ever-hold-in-one-piece link.';

  it('fills at most two lines of at most 65 characters, keeping every word in order', () => {
    const blocks = splitIntoBlocks(long, 65, 2);
    for (const lines of blocks) {
      expect(lines.length).toBeLessThanOrEqual(2);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(65);
    }
    expect(blocks.flat().join(' ').replace(/\s+/g, '')).toBe(long.replace(/\s+/g, ''));
  });

  it('times cues by characters inside a segment and exactly at its edges', () => {
    const cues = buildCues([segment('a', long, 10, 20), segment('b', 'Short one.', 31, 2)]);
    const first = cues.filter((cue) => cue.segmentId === 'a');
    expect(first[0]!.startSeconds).toBe(10);
    expect(first.at(-1)!.endSeconds).toBe(30);
    const total = first.reduce((sum, cue) => sum + cue.lines.join(' ').length, 0);
    for (const cue of first) {
      expect(cue.endSeconds - cue.startSeconds).toBeCloseTo((20 * cue.lines.join(' ').length) / total, 9);
    }
    const second = cues.filter((cue) => cue.segmentId === 'b');
    expect(second).toEqual([{ startSeconds: 31, endSeconds: 33, lines: ['Short one.'], segmentId: 'b' }]);
  });

  it('escapes cue text so "-->", "<" and "&" come back from a WebVTT parser as written', () => {
    const hostile = 'A --> B & <i>C</i> ]]> 🎧 שלום';
    const cues = buildCues([segment('x', hostile, 0, 3)], { speakerFor: () => 'Host > & <Co>' });
    const parsed = new webvtt.WebVTTParser(htmlEntities).parse(toWebVtt(cues), 'metadata');
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues).toHaveLength(1);
    const voice = parsed.cues[0]!.tree.children[0]!;
    expect(voice.name).toBe('v');
    expect(voice.children?.map((node) => node.value).join('')).toBe(hostile);
  });
});

describe('flash briefing', () => {
  const entry = (index: number, extra: Partial<FlashEntry> = {}): FlashEntry => ({
    guid: `briefcast:show:ep${index}`,
    date: new Date(Date.UTC(2026, 10, index, 6)).toISOString(),
    title: `Episode ${index}`,
    text: `Story ${index}.`,
    streamUrl: `https://cdn.example.com/ep${index}.mp3`,
    ...extra,
  });

  it('keeps the five newest items, newest first, with stable ids', () => {
    const entries = [3, 8, 1, 6, 2, 7, 5, 4].map((index) => entry(index));
    const items = buildFlashBriefing(entries, { namespace: podcastGuid('https://cdn.example.com/feed.xml'), redirectionUrl: 'https://example.com/' });
    expect(items.map((item) => item.titleText)).toEqual(['Episode 8', 'Episode 7', 'Episode 6', 'Episode 5', 'Episode 4']);
    expect(items[0]!.updateDate).toBe('2026-11-08T06:00:00.0Z');
    const again = buildFlashBriefing(entries.reverse(), { namespace: podcastGuid('https://cdn.example.com/feed.xml'), redirectionUrl: 'https://example.com/' });
    expect(again.map((item) => item.uid)).toEqual(items.map((item) => item.uid));
  });

  it('cuts text items under 4,500 characters at a sentence end, without markup', () => {
    const sentence = 'The council approved <b>twelve</b> kilometres of new cycle lanes &amp; paths on Thursday. ';
    const text = plainText(sentence.repeat(80), 4_499);
    expect(text.length).toBeLessThan(4_500);
    expect(text.length).toBeGreaterThan(4_000);
    expect(text.endsWith('Thursday.')).toBe(true);
    expect(text).not.toMatch(/[<>]|&\w+;/);
    expect(text).toContain('cycle lanes & paths');
  });
});

describe('podcast feed builder', () => {
  const show = parseShowConfig({
    id: 'cap-test',
    title: 'Cap & <Test>',
    description: 'Feed cap test.',
    author: 'Tests',
    owner: { name: 'Owner', email: 'owner@example.com' },
    feedMaxItems: 3,
  });
  const record = (index: number, title: string): EpisodeRecord => ({
    id: `ep${index}`,
    showId: show.id,
    title,
    date: '2026-11-28',
    createdAt: `2026-11-${String(index).padStart(2, '0')}T06:00:00.000Z`,
    updatedAt: `2026-11-${String(index).padStart(2, '0')}T06:00:00.000Z`,
    publishedAt: `2026-11-${String(index).padStart(2, '0')}T06:00:00.000Z`,
    status: 'published',
    description: title,
    sources: [{ title, url: 'https://news.example.com/a?b=1&c=2', siteName: 'Site & Co' }],
    audio: { key: `a/ep${index}.mp3`, url: `https://cdn.example.com/ep${index}.mp3`, bytes: 1000, mimeType: 'audio/mpeg', durationSeconds: 61, integratedLufs: -16, truePeakDbtp: -1.5, loudnessRangeLu: 2 },
    chapters: [{ title, startSeconds: 0, endSeconds: 61, url: 'https://news.example.com/a?b=1&c=2' }],
    segments: [],
  });
  const urls = { feedUrl: 'https://cdn.example.com/shows/cap-test/feed.xml', siteUrl: 'https://cdn.example.com/shows/cap-test/' };

  it('lists only the newest feedMaxItems published episodes', () => {
    const records = [1, 2, 3, 4, 5].map((index) => record(index, `Episode ${index}`));
    const xml = buildPodcastFeed(show, [...records, { ...record(6, 'Draft'), status: 'draft', audio: undefined }], urls, new Date('2026-11-30T00:00:00Z'));
    expect(parseFeed(xml)!.items.map((item) => item.title)).toEqual(['Episode 5', 'Episode 4', 'Episode 3']);
  });

  it('drops characters XML cannot carry and keeps hostile titles exact for two parsers', async () => {
    const hostile = 'Bell\u0007 & <b>bold</b> ]]> ]]]]> 🎧 مرحبا שלום\uD800 end';
    const xml = buildPodcastFeed(show, [record(1, hostile)], urls, new Date('2026-11-30T00:00:00Z'));
    expect(XMLValidator.validate(xml)).toBe(true);
    const expected = 'Bell & <b>bold</b> ]]> ]]]]> 🎧 مرحبا שלום end';
    expect(parseFeed(xml)!.items[0]!.title).toBe(expected);
    expect((await new Parser().parseString(xml)).items[0]!.title).toBe(expected);
  });

  it('refuses to write a feed whose own URL is not absolute', () => {
    expect(() => buildPodcastFeed(show, [], { feedUrl: '/shows/cap-test/feed.xml', siteUrl: urls.siteUrl }, new Date())).toThrow(/absolute/);
  });
});
