import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/server/create-server.js';

describe('published folder over HTTP', () => {
  let root: string;
  let server: FastifyInstance;
  let base: string;
  const audio = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-serve-'));
    await mkdir(join(root, 'shows', 'demo', 'episodes', 'e1'), { recursive: true });
    await writeFile(join(root, 'shows', 'demo', 'episodes', 'e1', 'e1.mp3'), audio);
    await writeFile(join(root, 'shows', 'demo', 'feed.xml'), '<rss version="2.0"></rss>');
    await writeFile(join(root, '.hidden'), 'secret');
    server = await createServer({ publishDir: root });
    base = await server.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('answers a byte range with 206 and Content-Range', async () => {
    const response = await fetch(`${base}/shows/demo/episodes/e1/e1.mp3`, { headers: { Range: 'bytes=100-199' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 100-199/${audio.length}`);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(audio.subarray(100, 200));
  });

  it('answers an open-ended and a suffix range', async () => {
    const tail = await fetch(`${base}/shows/demo/episodes/e1/e1.mp3`, { headers: { Range: 'bytes=4990-' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(audio.subarray(4990));
    const suffix = await fetch(`${base}/shows/demo/episodes/e1/e1.mp3`, { headers: { Range: 'bytes=-10' } });
    expect(suffix.status).toBe(206);
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(audio.subarray(audio.length - 10));
  });

  it('refuses an unsatisfiable range with 416', async () => {
    const response = await fetch(`${base}/shows/demo/episodes/e1/e1.mp3`, { headers: { Range: 'bytes=9000-9100' } });
    expect(response.status).toBe(416);
  });

  it('answers HEAD with length and Accept-Ranges, no body', async () => {
    const response = await fetch(`${base}/shows/demo/episodes/e1/e1.mp3`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(audio.length));
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('serves feeds as RSS with a short cache lifetime and audio as immutable', async () => {
    const feed = await fetch(`${base}/shows/demo/feed.xml`);
    expect(feed.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(feed.headers.get('cache-control')).toBe('public, max-age=300');
    const mp3 = await fetch(`${base}/shows/demo/episodes/e1/e1.mp3`);
    expect(mp3.headers.get('cache-control')).toContain('immutable');
  });

  it('does not serve dotfiles or escape the folder', async () => {
    expect([403, 404]).toContain((await fetch(`${base}/.hidden`)).status);
    expect((await fetch(`${base}/..%2F..%2Fetc%2Fpasswd`)).status).toBeGreaterThanOrEqual(400);
    expect((await fetch(`${base}/shows/demo/nothing.mp3`)).status).toBe(404);
  });
});
