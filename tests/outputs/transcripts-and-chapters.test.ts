import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webvtt from 'webvtt-parser';
import SrtParser from 'srt-parser-2';
import type { EpisodeSegmentInfo } from '../../src/core/episode.js';
import { rebuildEpisode } from '../../src/pipeline/build-now.js';
import { EpisodeStore } from '../../src/pipeline/episode-store.js';
import { ffprobeJson } from '../support/media.js';
import { buildEpisodeFixture, makeArtwork, type EpisodeFixture } from './support/episode-fixture.js';
import { detectSilences, firstSoundSeconds, type Silence } from './support/media-tools.js';

// The parser decodes only a handful of entities unless given the HTML table, as the W3C validator does.
const htmlEntities = createRequire(import.meta.url)('webvtt-parser/html-entities.json') as Record<string, string>;
const parseVtt = (text: string) => new webvtt.WebVTTParser(htmlEntities).parse(text, 'metadata');

/**
 * Transcripts and chapters of one real episode, each parsed by a parser that
 * is not Briefcast's, and timed against offsets measured on the published MP3.
 */
describe('transcripts and chapters of a real episode', () => {
  let fixture: EpisodeFixture;
  let audioPath: string;
  let vtt: string;
  let srt: string;
  let text: string;
  let chaptersJson: unknown;
  let boundarySilences: Silence[];

  beforeAll(async () => {
    fixture = await buildEpisodeFixture();
    const files = fixture.record.files ?? {};
    const read = (kind: string) => readFile(fixture.published(files[kind]!.key), 'utf8');
    audioPath = fixture.published(fixture.record.audio!.key);
    [vtt, srt, text] = await Promise.all([read('transcript-vtt'), read('transcript-srt'), read('transcript-text')]);
    chaptersJson = JSON.parse(await read('chapters-json'));
    // Pauses between segments are 0.7 s and 1.2 s of digital silence; eSpeak's own pauses between sentences are shorter.
    boundarySilences = await detectSilences(audioPath, 0.65);
  });
  afterAll(() => fixture?.dispose());

  const segments = (): EpisodeSegmentInfo[] => fixture.record.segments;

  it('records every side file with an absolute URL under the episode folder', () => {
    const files = fixture.record.files!;
    expect(Object.keys(files).sort()).toEqual(['chapters-json', 'transcript-srt', 'transcript-text', 'transcript-vtt']);
    for (const file of Object.values(files)) {
      expect(file.key.startsWith(`shows/${fixture.show.id}/episodes/ep1/`)).toBe(true);
      expect(file.url).toBe(`https://cdn.example.com/podcasts/${file.key}`);
    }
    expect(files['transcript-vtt']!.mimeType).toBe('text/vtt');
    expect(files['chapters-json']!.mimeType).toBe('application/json+chapters');
  });

  it('writes WebVTT that the W3C parser accepts without errors, with voice tags and short lines', () => {
    const parsed = parseVtt(vtt);
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues.length).toBeGreaterThan(segments().length);
    for (const cue of parsed.cues) {
      const lines = cue.text.split('\n');
      expect(lines.length).toBeLessThanOrEqual(2);
      // The voice tag is markup, not a shown character; entities count as the one character they show.
      for (const line of lines) expect(line.replace(/^<v [^>]*>/, '').replace(/&(amp|lt|gt);/g, '_').length).toBeLessThanOrEqual(65);
      const voice = cue.tree.children[0]!;
      expect(voice.type).toBe('object');
      expect(voice.name).toBe('v');
      // This parser predates character references in annotations (the spec now decodes them): decode the two that must be escaped.
      expect(voice.value!.replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe('Nova <Reader> & Co');
      expect(cue.endTime).toBeGreaterThan(cue.startTime);
    }
    for (let index = 1; index < parsed.cues.length; index += 1) {
      expect(parsed.cues[index]!.startTime).toBeGreaterThanOrEqual(parsed.cues[index - 1]!.endTime - 0.0005);
    }
    // The hostile show title survives escaping: the parser gives back the spoken words.
    const spoken = parsed.cues.map((cue) => cueText(cue.tree.children)).join(' ').replace(/\s+/g, ' ');
    expect(spoken).toContain('Briefing & <News> ]]> 🎧 חדשות');
  });

  it('starts each segment\'s first cue within half a second of the segment start measured on the audio', async () => {
    const parsed = parseVtt(vtt);
    const boundaries = segments().slice(1);
    expect(boundarySilences.length).toBeGreaterThanOrEqual(boundaries.length);
    const used = new Set<Silence>();
    for (const segment of boundaries) {
      const firstCue = parsed.cues.find((cue) => Math.abs(cue.startTime - segment.startSeconds) < 0.002)!;
      expect(firstCue, `a cue starts at segment ${segment.id}`).toBeDefined();
      const measured = nearest(boundarySilences, firstCue.startTime, (silence) => silence.end);
      expect(used.has(measured)).toBe(false);
      used.add(measured);
      expect(Math.abs(measured.end - firstCue.startTime)).toBeLessThan(0.5);
      // The cue before the pause covers the last words: it ends inside the measured silence, not before speech stops.
      const lastCueBefore = parsed.cues.filter((cue) => cue.endTime <= firstCue.startTime + 0.0005).at(-1)!;
      expect(lastCueBefore.endTime).toBeGreaterThanOrEqual(measured.start - 0.05);
      expect(lastCueBefore.endTime).toBeLessThanOrEqual(measured.end + 0.05);
    }
    expect(parsed.cues[0]!.startTime).toBe(0);
    expect(await firstSoundSeconds(audioPath)).toBeLessThan(0.5);
    const last = segments().at(-1)!;
    expect(parsed.cues.at(-1)!.endTime).toBeCloseTo(last.startSeconds + last.durationSeconds, 2);
  });

  it('writes SRT with the same cues, parsed by srt-parser-2', () => {
    const webCues = parseVtt(vtt).cues;
    const srtCues = new SrtParser().fromSrt(srt);
    expect(srtCues).toHaveLength(webCues.length);
    srtCues.forEach((cue, index) => {
      expect(cue.id).toBe(String(index + 1));
      expect(cue.startSeconds).toBeCloseTo(webCues[index]!.startTime, 3);
      expect(cue.endSeconds).toBeCloseTo(webCues[index]!.endTime, 3);
      expect(cue.text).toBe(cueText(webCues[index]!.tree.children).replace(/ ?\n ?/g, '\n'));
    });
    expect(srt).toMatch(/^1\n\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}\n/);
  });

  it('writes a plain-text transcript with every segment, headlines and the speaker name', () => {
    expect(text.split('\n')[0]).toBe(fixture.record.title);
    for (const segment of segments()) expect(text).toContain(segment.text.replace(/\s+/g, ' ').trim());
    for (const story of segments().filter((s) => s.kind === 'story')) expect(text).toContain(`${story.title}\nNova <Reader> & Co: `);
  });

  it('writes Podcasting 2.0 JSON chapters with the spec\'s required fields, ascending, matching the ID3 chapters', async () => {
    const doc = chaptersJson as { version: unknown; chapters: Array<Record<string, unknown>> };
    expect(doc.version).toBe('1.2.0');
    expect(Array.isArray(doc.chapters)).toBe(true);
    const starts = doc.chapters.map((chapter) => chapter.startTime as number);
    for (const chapter of doc.chapters) {
      expect(typeof chapter.startTime).toBe('number');
      expect(typeof chapter.title).toBe('string');
      if ('url' in chapter) expect(new URL(chapter.url as string).protocol).toBe('https:');
    }
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(new Set(starts).size).toBe(starts.length);

    const probe = await ffprobeJson(audioPath);
    expect(probe.chapters).toHaveLength(doc.chapters.length);
    probe.chapters.forEach((id3, index) => {
      expect(id3.tags?.title).toBe(doc.chapters[index]!.title);
      expect(Number(id3.start_time)).toBeCloseTo(doc.chapters[index]!.startTime as number, 3);
    });
    const stories = doc.chapters.filter((chapter) => chapter.url);
    expect(stories.map((chapter) => chapter.url)).toEqual(['https://news.example.com/rail?id=1&src=feed', 'https://weather.example.org/storm-bella']);
    expect(stories[0]!.title).toBe('Rail fares cut & "peak" tickets scrapped <for now> ]]> 🚆');
  });

  it('embeds the show artwork as the MP3 cover and records it as the episode artwork', async () => {
    const probe = await ffprobeJson(audioPath);
    const cover = probe.streams.find((stream) => stream.codec_type === 'video');
    expect(cover?.codec_name).toBe('png');
    expect(fixture.record.artwork?.url).toMatch(/^https:\/\/cdn\.example\.com\/podcasts\/shows\/outputs-test\/artwork-[0-9a-f]+\.png$/);
  });

  // Runs last: it rebuilds the episode (from cached speech) with artwork of its own.
  it('uses per-episode artwork from work storage once it passes the artwork check', async () => {
    const { app, show } = fixture;
    const store = new EpisodeStore(app.ctx.work);
    const useArtwork = async (size: string) => {
      const path = await makeArtwork(`${fixture.root}/episode-${size}.jpg`, size, 'orange');
      await app.ctx.work.put(`uploads/episode-${size}.jpg`, await readFile(path));
      await store.updateEpisode(show.id, 'ep1', (record) => ({ ...record, artworkSource: `uploads/episode-${size}.jpg` }));
      return rebuildEpisode(app.ctx, show, 'ep1');
    };
    await expect(useArtwork('1500x1400')).rejects.toMatchObject({ code: 'CONFIG_INVALID', subject: 'uploads/episode-1500x1400.jpg' });

    const rebuilt = await useArtwork('1500x1500');
    expect(rebuilt.artwork?.key).toMatch(/^shows\/outputs-test\/episodes\/ep1\/artwork-[0-9a-f]+\.jpg$/);
    expect(rebuilt.artwork?.url).toBe(`https://cdn.example.com/podcasts/${rebuilt.artwork!.key}`);
    const probe = await ffprobeJson(fixture.published(rebuilt.audio!.key));
    expect(probe.streams.find((stream) => stream.codec_type === 'video')?.codec_name).toBe('mjpeg');
    const feedXml = await readFile(fixture.published(`shows/${show.id}/feed.xml`), 'utf8');
    expect(feedXml).toContain(`<itunes:image href="${rebuilt.artwork!.url}"/>`);
  });
});

function nearest<T>(items: T[], target: number, value: (item: T) => number): T {
  return items.reduce((best, item) => (Math.abs(value(item) - target) < Math.abs(value(best) - target) ? item : best));
}

function cueText(nodes: Array<{ type: string; value?: string; children?: unknown[] }>): string {
  return nodes.map((node) => (node.type === 'text' ? (node.value ?? '') : cueText((node.children ?? []) as typeof nodes))).join('');
}
