import { readFile, stat, writeFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from 'podcast-partytime';
import { loadShowFile } from '../../src/config/load-show.js';
import type { EpisodeRecord } from '../../src/core/episode.js';
import { createEpisode } from '../../src/pipeline/build-now.js';
import { EpisodeStore } from '../../src/pipeline/episode-store.js';
import type { ShowConfig } from '../../src/config/show-config.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { decodePcm, ffprobeJson, measureWithEbur128, peakAround } from '../support/media.js';

const fixtures = new URL('../fixtures/pipeline/', import.meta.url).pathname;

describe('embedded pipeline: articles in, published episode out', () => {
  let app: TestApp;
  let show: ShowConfig;
  let record: EpisodeRecord;
  let audioPath: string;
  let articlesDir: string;

  beforeAll(async () => {
    app = await createTestApp({ now: new Date('2026-11-28T09:00:00Z') });
    show = await loadShowFile(join(fixtures, 'show.json'));
    articlesDir = join(app.root, 'articles');
    await cp(fixtures, articlesDir, { recursive: true, filter: (src) => !src.endsWith('.json') });
    record = await createEpisode(app.ctx, { show, sources: [articlesDir], date: new Date('2026-11-28T12:00:00Z'), episodeId: 'ep1' });
    audioPath = join(app.publishDir, ...record.audio!.key.split('/'));
  });
  afterAll(() => app?.dispose());

  it('publishes an MP3 at podcast loudness, measured independently', async () => {
    expect(record.status).toBe('published');
    const loudness = await measureWithEbur128(audioPath);
    expect(Math.abs(loudness.integrated - -16)).toBeLessThanOrEqual(1);
    expect(loudness.truePeak).toBeLessThanOrEqual(-1);
    // The record holds what was measured after encoding.
    expect(Math.abs(record.audio!.integratedLufs - loudness.integrated)).toBeLessThanOrEqual(0.2);
  });

  it('encodes mono 44.1 kHz MP3 with ID3 tags and one chapter per story', async () => {
    const probe = await ffprobeJson(audioPath);
    const audio = probe.streams.find((s) => s.codec_type === 'audio')!;
    expect(audio.codec_name).toBe('mp3');
    expect(audio.sample_rate).toBe('44100');
    expect(audio.channels).toBe(1);
    expect(probe.format.tags?.title).toContain('Test Daily');
    expect(probe.format.tags?.album).toBe(show.title);
    const stories = record.segments.filter((s) => s.kind === 'story');
    expect(stories).toHaveLength(3);
    const titles = probe.chapters.map((c) => c.tags?.title);
    for (const story of stories) expect(titles).toContain(story.title);
    // Chapter starts equal the story segment offsets to the millisecond.
    for (const story of stories) {
      const chapter = probe.chapters.find((c) => c.tags?.title === story.title)!;
      expect(Number(chapter.start_time)).toBeCloseTo(story.startSeconds, 2);
    }
    expect(Number(probe.format.duration)).toBeCloseTo(record.audio!.durationSeconds, 1);
  });

  it('decodes without errors and is quiet at every joint between pieces (no clicks)', async () => {
    const pcm = await decodePcm(audioPath);
    expect(pcm.length / 44_100).toBeCloseTo(record.audio!.durationSeconds, 0);
    // Every segment starts and ends at a joint between separately encoded pieces.
    const joints = record.segments.flatMap((segment) => [segment.startSeconds, segment.startSeconds + segment.durationSeconds]);
    for (const joint of joints) expect(peakAround(pcm, joint, 0.01)).toBeLessThan(-40);
    // And the speech in between is loud: the check above is not passing on silence everywhere.
    const story = record.segments.find((s) => s.kind === 'story')!;
    expect(peakAround(pcm, story.startSeconds + story.durationSeconds / 2, 1)).toBeGreaterThan(-10);
  });

  it('writes a feed an independent podcast parser accepts, with the enclosure length equal to the file size', async () => {
    const xml = await readFile(join(app.publishDir, 'shows', show.id, 'feed.xml'), 'utf8');
    const feed = parseFeed(xml);
    expect(feed).not.toBeNull();
    expect(feed!.title).toBe(show.title);
    expect(feed!.description).toBe(show.description);
    expect(feed!.language).toBe('en');
    expect(feed!.author).toBe(show.author);
    expect(feed!.explicit).toBe(false);
    expect(feed!.categories).toContain('news');
    expect(xml).toContain('<itunes:category text="Daily News"/>');
    expect(feed!.items).toHaveLength(1);
    const item = feed!.items[0]!;
    expect(item.guid).toBe(`briefcast:${show.id}:ep1`);
    expect(item.enclosure.url).toBe(record.audio!.url);
    expect(item.enclosure.type).toBe('audio/mpeg');
    expect(item.enclosure.length).toBe((await stat(audioPath)).size);
    expect(item.duration).toBe(Math.round(record.audio!.durationSeconds));
    expect(item.pubDate?.toISOString()).toBe('2026-11-28T09:00:00.000Z');
    expect(xml).toMatch(/<guid isPermaLink="false">/);
  });

  it('re-synthesises only what changed when one article changes', async () => {
    const before = await new EpisodeStore(app.ctx.work).getScript(show.id, 'ep1');
    const oldTexts = new Set(before.segments.map((s) => s.text));
    app.synthesised.length = 0;
    const orchard = join(articlesDir, 'orchard.txt');
    const text = await readFile(orchard, 'utf8');
    await writeFile(orchard, text.replace('18 percent', '21 percent').replace('thirty years', 'forty years'));

    const rebuilt = await createEpisode(app.ctx, { show, sources: [articlesDir], date: new Date('2026-11-28T12:00:00Z'), episodeId: 'ep1' });
    const after = await new EpisodeStore(app.ctx.work).getScript(show.id, 'ep1');
    const changed = after.segments.filter((s) => !oldTexts.has(s.text));
    // The changed story is re-spoken; every other segment comes from the cache.
    expect(changed.map((s) => s.kind)).toEqual(['story']);
    expect(app.synthesised).toHaveLength(1);
    expect(app.synthesised[0]).toContain('21 percent');
    expect(rebuilt.segments.filter((s) => !s.cached).map((s) => s.id)).toEqual(changed.map((s) => s.id));
    // Same guid, new audio URL; the feed still lists one episode.
    expect(rebuilt.audio!.url).not.toBe(record.audio!.url);
    const feed = parseFeed(await readFile(join(app.publishDir, 'shows', show.id, 'feed.xml'), 'utf8'));
    expect(feed!.items).toHaveLength(1);
    expect(feed!.items[0]!.enclosure.url).toBe(rebuilt.audio!.url);
  });
});
