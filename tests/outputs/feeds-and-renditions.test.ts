import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed, type FeedObject } from 'podcast-partytime';
import Parser from 'rss-parser';
import { XMLValidator } from 'fast-xml-parser';
import { podcastGuid } from '../../src/feed/podcast-guid.js';
import { buildFromArticles } from '../../src/pipeline/build-now.js';
import { rebuildFeed } from '../../src/pipeline/publish-episode.js';
import { createServer } from '../../src/server/create-server.js';
import { ffprobeJson, measureWithEbur128 } from '../support/media.js';
import { buildEpisodeFixture, type EpisodeFixture } from './support/episode-fixture.js';

/**
 * The podcast feed, the flash briefing feed and both audio renditions of one
 * real episode (plus a draft), each checked with tools Briefcast does not use
 * to write them: two feed parsers, a strict XML validator, ffmpeg's ebur128,
 * and HTTP on loopback for the served content type.
 */
describe('feeds and renditions of a real episode', () => {
  let fixture: EpisodeFixture;
  let xml: string;
  let feed: FeedObject;
  let flashBody: string;
  let flashContentType: string | undefined;

  beforeAll(async () => {
    fixture = await buildEpisodeFixture();
    // A later draft: a script and no audio yet; it must stay out of every public file.
    fixture.clock.now = new Date('2026-11-29T06:00:00Z');
    const draftArticles = [{ id: 'council', title: 'Council <approves> new cycle lanes', text: 'The council approved twelve kilometres of new cycle lanes on Thursday. Work starts in March.', source: 'https://news.example.com/cycle', url: 'https://news.example.com/cycle' }];
    await buildFromArticles(fixture.app.ctx, fixture.show, draftArticles, { date: new Date('2026-11-29T12:00:00Z'), episodeId: 'draft1', draft: true });
    await rebuildFeed(fixture.app.ctx, fixture.show);
    xml = await readFile(fixture.published(`shows/${fixture.show.id}/feed.xml`), 'utf8');
    feed = parseFeed(xml)!;

    const server = await createServer({ publishDir: fixture.publishDir });
    const address = await server.listen({ host: '127.0.0.1', port: 0 });
    try {
      const response = await fetch(`${address}/shows/${fixture.show.id}/alexa.json`);
      flashContentType = response.headers.get('content-type') ?? undefined;
      flashBody = await response.text();
    } finally {
      await server.close();
    }
  });
  afterAll(() => fixture?.dispose());

  it('masters the podcast rendition to -16 LUFS and the speaker rendition to -14 LUFS, measured independently', async () => {
    const { audio, speakerAudio } = fixture.record;
    expect(speakerAudio).toBeDefined();
    const podcast = await measureWithEbur128(fixture.published(audio!.key));
    const speaker = await measureWithEbur128(fixture.published(speakerAudio!.key));
    console.info(`podcast ${podcast.integrated} LUFS / ${podcast.truePeak} dBTP; speaker ${speaker.integrated} LUFS / ${speaker.truePeak} dBTP`);
    expect(Math.abs(podcast.integrated - -16)).toBeLessThanOrEqual(1);
    expect(podcast.truePeak).toBeLessThanOrEqual(-1);
    expect(Math.abs(speaker.integrated - -14)).toBeLessThanOrEqual(1);
    expect(speaker.truePeak).toBeLessThanOrEqual(-2);
    // The record holds figures derived from the pieces' cached energies and peaks; a full ebur128 pass over each file agrees.
    expect(Math.abs(audio!.integratedLufs - podcast.integrated)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(audio!.truePeakDbtp - podcast.truePeak)).toBeLessThanOrEqual(0.2);
    expect(Math.abs(speakerAudio!.integratedLufs - speaker.integrated)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(speakerAudio!.truePeakDbtp - speaker.truePeak)).toBeLessThanOrEqual(0.2);
    expect(speakerAudio!.durationSeconds).toBeGreaterThanOrEqual(10);
    expect(speakerAudio!.durationSeconds).toBeLessThanOrEqual(600);
    expect(Math.abs(speakerAudio!.durationSeconds - audio!.durationSeconds)).toBeLessThan(0.2);
  });

  it("gives the speaker rendition the podcast file's chapters at the same offsets, over the same audio length", async () => {
    const [podcast, speaker] = await Promise.all([ffprobeJson(fixture.published(fixture.record.audio!.key)), ffprobeJson(fixture.published(fixture.record.speakerAudio!.key))]);
    expect(podcast.chapters.length).toBeGreaterThan(1);
    expect(speaker.chapters.map((c) => [c.tags?.title, c.start_time, c.end_time])).toEqual(podcast.chapters.map((c) => [c.tags?.title, c.start_time, c.end_time]));
    expect(Number(speaker.format.duration)).toBeCloseTo(Number(podcast.format.duration), 2);
  });

  it('stores the episode description as an ID3 COMM frame, not a user text frame', async () => {
    for (const key of [fixture.record.audio!.key, fixture.record.speakerAudio!.key]) {
      const frames = id3Frames(await readFile(fixture.published(key)));
      const comm = frames.find((frame) => frame.id === 'COMM');
      expect(comm).toBeDefined();
      expect(comm!.body.subarray(1, 4).toString('latin1')).toBe('eng');
      expect(frames.some((frame) => frame.id === 'TXXX' && frame.text.includes('comment'))).toBe(false);
      // ffprobe reads a COMM frame back as the "comment" tag.
      expect((await ffprobeJson(fixture.published(key))).format.tags?.comment).toBe(fixture.record.description);
    }
  });

  it('writes well-formed XML with no entity outside CDATA but the XML ones in attributes', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
    const attributeValues = [...outsideCdata.matchAll(/="([^"]*)"/g)].map((match) => match[1]!);
    const textOnly = outsideCdata.replace(/="[^"]*"/g, '=""');
    expect(textOnly).not.toContain('&');
    for (const value of attributeValues) expect(value.replace(/&(amp|quot|lt|gt|apos);/g, '')).not.toContain('&');
  });

  it('uses absolute https URLs everywhere', () => {
    const urls = [
      ...[...xml.matchAll(/\s(?:url|href)="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&')),
      ...[...xml.matchAll(/<(?:link|url)>([^<]*)<\//g)].map((match) => match[1]!),
    ];
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(new URL(url).protocol, url).toBe('https:');
  });

  it('is read by podcast-partytime with the Podcasting 2.0 and Apple tags', () => {
    expect(feed.title).toBe('Briefing & <News> ]]> 🎧 חדשות');
    expect(feed.guid).toBe(podcastGuid('https://cdn.example.com/podcasts/shows/outputs-test/feed.xml'));
    expect(feed.locked).toBe(true);
    expect(feed.podcastOwner).toBe('owner@example.com');
    expect(feed.owner).toEqual({ name: 'Briefcast Tests', email: 'owner@example.com' });
    expect(feed.itunesType).toBe('episodic');
    expect(feed.itunesImage).toMatch(/^https:\/\/cdn\.example\.com\/podcasts\/shows\/outputs-test\/artwork-[0-9a-f]+\.png$/);
    expect(feed.explicit).toBe(false);
    expect(feed.podcastPeople?.map((person) => [person.name, person.role])).toEqual([
      ['Ada Producer', 'Producer'],
      ['Nova <Reader> & Co', 'Host'],
    ]);
    // Only the published episode: the draft has no audio.
    expect(feed.items).toHaveLength(1);
    const item = feed.items[0]!;
    expect(item.title).toBe(fixture.record.title);
    expect(item.itunesEpisodeType).toBe('full');
    expect(item.itunesImage).toBe(feed.itunesImage);
    expect(item.enclosure.url).toBe(fixture.record.audio!.url);
    const files = fixture.record.files!;
    expect(item.podcastTranscripts).toEqual([
      { url: files['transcript-vtt']!.url, type: 'text/vtt', language: 'en', rel: 'captions' },
      { url: files['transcript-srt']!.url, type: 'application/srt', language: 'en' },
      { url: files['transcript-text']!.url, type: 'text/plain', language: 'en' },
    ]);
    expect(item.podcastChapters).toEqual({ url: files['chapters-json']!.url, type: 'application/json+chapters' });
  });

  it('is read by rss-parser with exact titles, the category and subcategory, and show notes', async () => {
    const parsed = await new Parser().parseString(xml);
    expect(parsed.title).toBe('Briefing & <News> ]]> 🎧 חדשות');
    expect(parsed.description).toBe('Two stories & a <test> of every output.');
    expect(parsed.itunes?.categoriesWithSubs).toEqual([{ name: 'News', subs: [{ name: 'Daily News' }] }]);
    expect(parsed.itunes?.owner).toEqual({ name: 'Briefcast Tests', email: 'owner@example.com' });
    const item = parsed.items[0]!;
    expect(item.title).toBe(fixture.record.title);
    expect(item.guid).toBe('briefcast:outputs-test:ep1');
    // Plain notes: headline, source and link per story.
    expect(item.content).toContain('Rail fares cut & "peak" tickets scrapped <for now> ]]> 🚆 (Courier & Post): https://news.example.com/rail?id=1&src=feed');
    expect(item.content).toContain('Storm Bella brings heavy rain to the north (הדסק Weather Desk): https://weather.example.org/storm-bella');
    expect(item.itunes?.summary).toBe(item.content);
    // HTML notes: escaped once, linked.
    const html = (item as Record<string, unknown>)['content:encoded'] as string;
    expect(html).toContain('<a href="https://news.example.com/rail?id=1&amp;src=feed">Rail fares cut &amp; &quot;peak&quot; tickets scrapped &lt;for now&gt; ]]&gt; 🚆</a> (Courier &amp; Post)');
  });

  it('serves an Alexa flash briefing feed as application/json, published episodes only (never a draft)', () => {
    expect(flashContentType).toMatch(/^application\/json\b/);
    const items = JSON.parse(flashBody) as Array<{ uid: string; updateDate: string; titleText: string; mainText: string; streamUrl?: string; redirectionUrl: string }>;
    expect(items).toHaveLength(1);
    expect(items.length).toBeLessThanOrEqual(5);
    for (const item of items) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(['uid', 'updateDate', 'titleText', 'mainText', 'redirectionUrl']));
      expect(item.uid).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(item.updateDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.0Z$/);
      expect(item.mainText.length).toBeLessThan(4500);
      expect(item.mainText).not.toMatch(/[<>]|&\w+;/);
      expect(new URL(item.redirectionUrl).protocol).toBe('https:');
    }
    expect(flashBody).not.toContain('council');
    const [episode] = items;
    expect(episode!.updateDate).toBe('2026-11-28T09:00:00.0Z');
    expect(episode!.streamUrl).toBe(fixture.record.speakerAudio!.url);
    expect(episode!.titleText).toMatch(/^Briefing & News \]\] 🎧 חדשות: Saturday, 28 November 2026 – Rail fares cut/);
    expect(episode!.mainText).toContain('Storm Bella brings heavy rain to the north');
    expect(new Set(items.map((item) => item.uid)).size).toBe(items.length);
  });
});

/** The frames of an ID3v2.3 tag, read here independently of the code that writes them. */
function id3Frames(file: Buffer): Array<{ id: string; body: Buffer; text: string }> {
  expect(file.toString('latin1', 0, 3)).toBe('ID3');
  const size = ((file[6]! & 0x7f) << 21) | ((file[7]! & 0x7f) << 14) | ((file[8]! & 0x7f) << 7) | (file[9]! & 0x7f);
  const frames: Array<{ id: string; body: Buffer; text: string }> = [];
  for (let offset = 10; offset + 10 <= 10 + size; ) {
    const id = file.toString('latin1', offset, offset + 4);
    if (!/^[A-Z0-9]{4}$/.test(id)) break;
    const length = file.readUInt32BE(offset + 4);
    const body = file.subarray(offset + 10, offset + 10 + length);
    frames.push({ id, body, text: body.toString('latin1').replace(/\0/g, '') });
    offset += 10 + length;
  }
  return frames;
}
