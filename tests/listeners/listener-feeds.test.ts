import { execFile } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from 'podcast-partytime';
import { chromium } from 'playwright-core';
import { loadShowFile } from '../../src/config/load-show.js';
import type { ShowConfig } from '../../src/config/show-config.js';
import { createEpisode } from '../../src/pipeline/build-now.js';
import { ListenerStore } from '../../src/listeners/listener-store.js';
import { referencedPieceKeys } from '../../src/listeners/referenced-pieces.js';
import { workKeys } from '../../src/storage/keys.js';
import { createApiHarness, type ApiHarness } from '../api/support/api-harness.js';
import { ffprobeJson } from '../support/media.js';
import { audioFrames, id3Length } from './support.js';

const run = promisify(execFile);
const fixtures = new URL('../fixtures/pipeline/', import.meta.url).pathname;
const CLIENTS = fileURLToPath(new URL('../outputs/support/python-feed-clients.py', import.meta.url));

interface Added { listener: { id: string }; token: string; feedUrl: string }

describe('personal listener feeds built from the shared story pieces', () => {
  let h: ApiHarness;
  let show: ShowConfig;
  const added: Record<string, Added> = {};
  let build: { built: number; skipped: number; unchanged: number; syntheses: number };
  let day: string;
  let enclosure: Buffer;
  let enclosurePath: string;

  const path = (token: string, file: string) => `/l/${token}/${file}`;

  beforeAll(async () => {
    h = await createApiHarness({ BRIEFCAST_SCHEDULES: 'false' });
    show = await loadShowFile(join(fixtures, 'show.json'));
    const articles = join(h.root, 'articles');
    await cp(fixtures, articles, { recursive: true, filter: (src) => !src.endsWith('.json') });
    const record = await createEpisode(h.app.ctx, { show, sources: [articles], date: new Date('2026-11-28T12:00:00Z'), episodeId: 'ep1' });
    day = record.date;
    const add = async (label: string, body: object) => {
      const response = await h.server.inject({ method: 'POST', url: `/api/shows/${show.id}/listeners`, headers: h.auth(h.keys.admin), payload: body });
      expect(response.statusCode, response.body).toBe(201);
      added[label] = response.json() as Added;
    };
    await add('ana', { name: 'Ana', follows: { topics: ['comet'] }, targetMinutes: 5 });
    await add('otherAna', { name: 'Ana', follows: { topics: ['ferry', 'apple'] } });
    await add('everything', { follows: {} });
    await add('cricket', { name: 'Bo', follows: { topics: ['cricket'] } });
    const response = await h.server.inject({ method: 'POST', url: `/api/shows/${show.id}/episodes/ep1/listeners`, headers: h.auth(h.keys.admin) });
    expect(response.statusCode, response.body).toBe(200);
    build = response.json();
    const audio = await h.server.inject({ method: 'GET', url: path(added.ana!.token, `${day}.mp3`) });
    expect(audio.statusCode).toBe(200);
    enclosure = audio.rawPayload;
    enclosurePath = join(h.root, 'ana.mp3');
    await writeFile(enclosurePath, enclosure);
  }, 180_000);
  afterAll(() => h?.dispose());

  it('synthesises only the personal parts: intro, outro and one greeting for both Anas', () => {
    expect(build).toEqual({ built: 3, skipped: 1, unchanged: 0, syntheses: 3 });
  });

  it('serves a feed podcast apps read, blocked from directories, with a guid of its own', async () => {
    const response = await h.server.inject({ method: 'GET', url: path(added.ana!.token, 'feed.xml') });
    expect(response.statusCode).toBe(200);
    const xml = response.body;
    expect(xml).toContain('<itunes:block>Yes</itunes:block>');
    const feed = parseFeed(xml)!;
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.title).toContain('comet');
    expect(feed.items[0]!.enclosure.length).toBe(enclosure.length);
    const other = parseFeed((await h.server.inject({ method: 'GET', url: path(added.otherAna!.token, 'feed.xml') })).body)!;
    expect(feed.guid).toBeTruthy();
    expect(other.guid).not.toBe(feed.guid);
    const file = join(h.root, 'feed.xml');
    await writeFile(file, xml);
    const { stdout } = await run('/usr/bin/python3', [CLIENTS, file, added.ana!.feedUrl]);
    const seen = JSON.parse(stdout) as { podcastparser: { episodes: Array<{ enclosures: Array<{ url: string; file_size: number }>; chapters?: unknown }> }; feedparser: { bozo: boolean } };
    expect(seen.feedparser.bozo).toBe(false);
    expect(seen.podcastparser.episodes).toHaveLength(1);
    expect(seen.podcastparser.episodes[0]!.enclosures[0]!.file_size).toBe(enclosure.length);
    expect(seen.podcastparser.episodes[0]!.enclosures[0]!.url).toContain(`/l/${added.ana!.token}/${day}.mp3`);
  });

  it('after the tag, the audio frames equal a stream-copy concatenation of the same pieces', async () => {
    const record = (await new ListenerStore(h.app.ctx.work).findEpisode(show.id, added.ana!.listener.id, day))!;
    const list = join(h.root, 'pieces.txt');
    const local = await Promise.all(record.pieces.map(async (piece, index) => {
      const file = join(h.root, `piece-${index}.mp3`);
      await writeFile(file, await h.app.ctx.work.get(workKeys.segmentAudio(piece.key)));
      return file;
    }));
    await writeFile(list, local.map((file) => `file '${file}'`).join('\n'));
    const copied = join(h.root, 'copied.mp3');
    await run('ffmpeg', ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', copied]);
    expect(id3Length(enclosure)).toBe(record.headerBytes);
    const ours = audioFrames(enclosure);
    const theirs = audioFrames(await readFile(copied));
    expect(ours.length).toBeGreaterThan(100);
    expect(ours.length).toBe(theirs.length);
    expect(Buffer.concat(ours).equals(Buffer.concat(theirs))).toBe(true);
    // Every piece the record pins is reported as referenced, so a cache collector keeps it.
    const pinned = await referencedPieceKeys(h.app.ctx.work, show.id);
    for (const piece of record.pieces) expect(pinned.has(piece.key)).toBe(true);
    // The tag is the only thing before the frames: nothing added, nothing lost.
    expect(enclosure.length).toBe(record.headerBytes + Buffer.concat(ours).length);
  });

  it('carries per-listener chapters ffprobe reads, and decodes cleanly', async () => {
    const probe = await ffprobeJson(enclosurePath);
    const titles = probe.chapters.map((chapter) => chapter.tags?.title);
    expect(titles).toEqual(['Headlines', 'University telescope spots unusual comet']);
    const record = (await new ListenerStore(h.app.ctx.work).findEpisode(show.id, added.ana!.listener.id, day))!;
    expect(Number(probe.chapters[1]!.start_time)).toBeCloseTo(record.chapters[1]!.startSeconds, 2);
    expect(probe.format.tags?.title).toBe(record.title);
    const { stderr } = await run('ffmpeg', ['-v', 'error', '-i', enclosurePath, '-f', 'null', '-']);
    expect(stderr).toBe('');
    expect(Number(probe.format.duration)).toBeCloseTo(record.durationSeconds, 0);
  });

  it('answers byte ranges across piece boundaries, 416 past the end, HEAD and conditional requests', async () => {
    const url = path(added.ana!.token, `${day}.mp3`);
    const full = await h.server.inject({ method: 'GET', url });
    expect(full.headers['content-length']).toBe(String(enclosure.length));
    expect(full.headers['accept-ranges']).toBe('bytes');
    const etag = String(full.headers.etag);
    expect(full.headers['last-modified']).toBeTruthy();
    for (const [header, start, end] of [['bytes=0-9', 0, 9], ['bytes=1000-70000', 1000, 70000], ['bytes=-500', enclosure.length - 500, enclosure.length - 1], [`bytes=${enclosure.length - 10}-`, enclosure.length - 10, enclosure.length - 1]] as const) {
      const part = await h.server.inject({ method: 'GET', url, headers: { range: header } });
      expect(part.statusCode).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes ${start}-${end}/${enclosure.length}`);
      expect(part.rawPayload.equals(enclosure.subarray(start, end + 1))).toBe(true);
    }
    const past = await h.server.inject({ method: 'GET', url, headers: { range: `bytes=${enclosure.length}-` } });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${enclosure.length}`);
    const head = await h.server.inject({ method: 'HEAD', url });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(enclosure.length));
    expect(head.rawPayload.length).toBe(0);
    expect((await h.server.inject({ method: 'GET', url, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    // A stale If-Range gets the whole (changed) file, not a piece of it.
    const stale = await h.server.inject({ method: 'GET', url, headers: { range: 'bytes=0-9', 'if-range': '"old"' } });
    expect(stale.statusCode).toBe(200);
  });

  it('gives a listener who follows nothing the default briefing, and one whose topics match nothing no episode', async () => {
    const store = new ListenerStore(h.app.ctx.work);
    const everything = (await store.findEpisode(show.id, added.everything!.listener.id, day))!;
    expect(everything.parts.filter((part) => part.kind === 'story')).toHaveLength(3);
    expect(everything.parts.some((part) => part.kind === 'greeting')).toBe(false);
    expect(await store.findEpisode(show.id, added.cricket!.listener.id, day)).toBeNull();
    const feed = parseFeed((await h.server.inject({ method: 'GET', url: path(added.cricket!.token, 'feed.xml') })).body)!;
    expect(feed.items ?? []).toHaveLength(0);
    // The personal intro and outro name no story.
    const spoken = everything.parts.filter((part) => part.kind !== 'story').map((part) => part.text ?? '').join(' ');
    expect(spoken).not.toMatch(/comet|ferry|apple/i);
    // Records stay small: the story texts are in the show's record.
    expect(JSON.stringify(everything).length).toBeLessThan(10_000);
  });

  it('assembles a transcript and JSON chapters per listener', async () => {
    const vtt = await h.server.inject({ method: 'GET', url: path(added.ana!.token, `${day}.vtt`) });
    expect(vtt.statusCode).toBe(200);
    expect(vtt.body.startsWith('WEBVTT')).toBe(true);
    expect(vtt.body).toContain('Hello, Ana.');
    expect(vtt.body).toMatch(/comet/i);
    expect(vtt.body).not.toMatch(/ferry/i);
    const chapters = (await h.server.inject({ method: 'GET', url: path(added.ana!.token, `${day}.chapters.json`) })).json() as { chapters: Array<{ title: string }> };
    expect(chapters.chapters.map((chapter) => chapter.title)).toEqual(['Headlines', 'University telescope spots unusual comet']);
  });

  it('answers unknown, malformed, rotated and removed tokens with the same 404', async () => {
    const unknown = 'A'.repeat(43);
    for (const token of [unknown, 'short', `${added.ana!.token}x`]) {
      const response = await h.server.inject({ method: 'GET', url: path(token, 'feed.xml') });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'no such feed' } });
    }
    const rotated = await h.server.inject({ method: 'POST', url: `/api/shows/${show.id}/listeners/${added.otherAna!.listener.id}/rotate`, headers: h.auth(h.keys.admin) });
    const fresh = (rotated.json() as Added).token;
    expect((await h.server.inject({ method: 'GET', url: path(added.otherAna!.token, 'feed.xml') })).statusCode).toBe(404);
    expect((await h.server.inject({ method: 'GET', url: path(fresh, 'feed.xml') })).statusCode).toBe(200);
    // Scoped keys: the evening desk cannot see the test show's listeners.
    expect((await h.server.inject({ method: 'GET', url: `/api/shows/${show.id}/listeners`, headers: h.auth(h.keys.evening) })).statusCode).toBe(403);
    const removed = await h.server.inject({ method: 'DELETE', url: `/api/shows/${show.id}/listeners/${added.everything!.listener.id}`, headers: h.auth(h.keys.admin) });
    expect(removed.statusCode).toBe(204);
    expect((await h.server.inject({ method: 'GET', url: path(added.everything!.token, 'feed.xml') })).statusCode).toBe(404);
    expect(await h.app.ctx.work.list(`listeners/${show.id}/${added.everything!.listener.id}/`)).toEqual([]);
    const tokens = await h.app.ctx.work.list('listener-tokens/');
    expect(tokens).toHaveLength(3);
  });

  it('plays and seeks in a real Chromium audio element', async () => {
    const base = await h.server.listen({ host: '127.0.0.1', port: 0 });
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--mute-audio', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${base}${path(added.ana!.token, 'settings')}`);
      const src = `${base}${path(added.ana!.token, `${day}.mp3`)}`;
      const result = (await page.evaluate(`new Promise((resolve) => {
        const audio = new Audio();
        const done = (outcome) => resolve({ outcome, duration: audio.duration, time: audio.currentTime, error: audio.error && audio.error.code });
        setTimeout(() => done('timeout'), 30000);
        audio.onerror = () => done('error');
        audio.onloadedmetadata = () => { audio.currentTime = audio.duration * 0.6; };
        audio.onseeked = () => { audio.play().then(() => setTimeout(() => done('played'), 700), () => done('play refused')); };
        audio.src = ${JSON.stringify(src)};
      })`)) as { outcome: string; duration: number; time: number; error: number | null };
      const record = (await new ListenerStore(h.app.ctx.work).findEpisode(show.id, added.ana!.listener.id, day))!;
      expect(result.outcome).toBe('played');
      expect(result.duration).toBeCloseTo(record.durationSeconds, 0);
      expect(result.time).toBeGreaterThan(record.durationSeconds * 0.6);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('lets a listener change what they follow from their own page', async () => {
    const url = path(added.ana!.token, 'settings');
    const page = await h.server.inject({ method: 'GET', url });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="comet"');
    const saved = await h.server.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'topics=ferry%2C+comet&sources=&people=&targetMinutes=4' });
    expect(saved.statusCode).toBe(200);
    const listener = await new ListenerStore(h.app.ctx.work).get(show.id, added.ana!.listener.id);
    expect(listener.follows.topics).toEqual(['ferry', 'comet']);
    expect(listener.targetMinutes).toBe(4);
    const bad = await h.server.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'topics=x&targetMinutes=9999' });
    expect(bad.statusCode).toBe(400);
  });
});
