import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { createStorages } from '../../src/storage/create-storage.js';
import { S3Storage } from '../../src/storage/s3-storage.js';
import { startS3Server, type TestS3Server } from './s3-server.js';
import { describeStorageConformance } from './storage-conformance.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describeStorageConformance('S3Storage on s3rver', async () => {
  const server = await startS3Server('conformance');
  const storage = new S3Storage({ bucket: server.bucket, endpoint: server.endpoint, forcePathStyle: true, prefix: 'conf/', credentials: server.credentials });
  return { storage, close: async () => { await storage.close(); await server.close(); } };
});

describe('S3Storage over HTTP', () => {
  let server: TestS3Server;
  let storage: S3Storage;
  beforeAll(async () => {
    server = await startS3Server();
    storage = new S3Storage({ bucket: server.bucket, endpoint: server.endpoint, forcePathStyle: true, prefix: 'public/', credentials: server.credentials });
  });
  afterAll(async () => {
    await storage.close();
    await server.close();
  });

  it('publishes a streamed upload that a plain HTTP GET returns byte for byte (no checksum framing inside)', async () => {
    const bytes = randomBytes(700_000);
    await storage.put('shows/s/streamed.mp3', Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]));
    const response = await fetch(storage.publicUrl('shows/s/streamed.mp3'));
    expect(response.status).toBe(200);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body.byteLength).toBe(bytes.length);
    expect(sha(body)).toBe(sha(bytes));
  });

  it('sets Content-Type and Cache-Control per kind of object', async () => {
    await storage.put('shows/s/feed.xml', '<rss/>');
    await storage.put('shows/s/episode.mp3', new Uint8Array(2048));
    await storage.put('shows/s/custom.json', '{}', { contentType: 'application/json', cacheControl: 'no-store' });
    const feed = await fetch(storage.publicUrl('shows/s/feed.xml'), { method: 'HEAD' });
    expect(feed.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(feed.headers.get('cache-control')).toBe('public, max-age=300');
    const audio = await fetch(storage.publicUrl('shows/s/episode.mp3'), { method: 'HEAD' });
    expect(audio.headers.get('content-type')).toBe('audio/mpeg');
    expect(audio.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const custom = await fetch(storage.publicUrl('shows/s/custom.json'), { method: 'HEAD' });
    expect(custom.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a Range request on published audio with 206 and the requested bytes', async () => {
    const bytes = randomBytes(10_000);
    await storage.put('shows/s/range.mp3', bytes);
    const response = await fetch(storage.publicUrl('shows/s/range.mp3'), { headers: { Range: 'bytes=100-199' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 100-199/10000');
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
  });

  it('keeps its key prefix: another prefix in the same bucket sees none of its objects', async () => {
    const other = new S3Storage({ bucket: server.bucket, endpoint: server.endpoint, forcePathStyle: true, prefix: 'work/', credentials: server.credentials });
    await storage.put('shows/p/only-public.txt', 'x');
    expect(await other.list('shows/')).toEqual([]);
    expect(await other.head('shows/p/only-public.txt')).toBeNull();
    expect(await storage.list('shows/p/')).toEqual(['shows/p/only-public.txt']);
    await other.close();
  });

  it('reports an unreachable endpoint as a retryable STORAGE_FAILED', async () => {
    const dead = new S3Storage({ bucket: 'b', endpoint: 'http://127.0.0.1:1', forcePathStyle: true, credentials: server.credentials });
    await expect(dead.get('x')).rejects.toMatchObject({ code: 'STORAGE_FAILED', retryable: true });
    await dead.close();
  });
});

describe('storage selection from the environment', () => {
  it('builds S3 work and public stores under one bucket with the configured public URL', () => {
    const config = loadConfig({
      BRIEFCAST_STORAGE: 's3',
      S3_BUCKET: 'casts',
      S3_ENDPOINT: 'http://minio:9000',
      S3_PREFIX: 'team/',
      S3_FORCE_PATH_STYLE: 'true',
      S3_PUBLIC_URL: 'https://cdn.example.com/casts/',
    });
    const { work, publish } = createStorages(config);
    expect(work.name).toBe('s3');
    expect(publish.publicUrl('shows/a/feed.xml')).toBe('https://cdn.example.com/casts/shows/a/feed.xml');
    expect(work.publicUrl('x.json')).toBe('http://minio:9000/casts/team/work/x.json');
  });

  it('refuses S3 without a bucket, naming the variable', () => {
    expect(() => loadConfig({ BRIEFCAST_STORAGE: 's3' })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', subject: 'S3_BUCKET' }));
  });

  it('keeps local storage by default', () => {
    expect(createStorages(loadConfig({})).publish.name).toBe('local');
  });
});
