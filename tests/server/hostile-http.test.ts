import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/server/create-server.js';
import { createApiHarness, morningShow, type ApiHarness } from '../api/support/api-harness.js';

/**
 * Issue 12, items 5, 6 and 8: what the published folder and the API answer to
 * requests crafted to read what is not published or to break the error shape.
 * Every answer is in the documented `{ error: { code, message } }` shape.
 */
describe('hostile requests to the server', () => {
  let h: ApiHarness;
  let base: string;
  const audio = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
  const mp3 = '/shows/morning/episodes/e1/e1.mp3';

  beforeAll(async () => {
    h = await createApiHarness();
    const publishDir = h.app.config.publishDir;
    await mkdir(join(publishDir, 'shows', 'morning', 'episodes', 'e1'), { recursive: true });
    await writeFile(join(publishDir, `.${mp3}`), audio);
    await writeFile(join(publishDir, '.hidden'), 'secret');
    await symlink(h.app.config.dataDir, join(publishDir, 'shows', 'morning', 'data'));
    await symlink('/etc/passwd', join(publishDir, 'shows', 'morning', 'passwd.txt'));
    base = await h.server.listen({ host: '127.0.0.1', port: 0 });
    const created = await h.server.inject({ method: 'POST', url: '/api/shows', headers: h.auth(h.keys.admin), payload: morningShow });
    expect(created.statusCode).toBe(201);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const expectShape = (body: unknown, code: string) => expect(body).toEqual({ error: { code, message: expect.any(String) } });

  it('answers an unsatisfiable range with 416 and Content-Range: bytes */size', async () => {
    const response = await fetch(`${base}${mp3}`, { headers: { Range: 'bytes=9000-9100' } });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${audio.length}`);
    await response.arrayBuffer();
  });

  it('ignores a malformed range and sends the whole file', async () => {
    for (const range of ['bytes=abc-def', 'bytes=5-2', 'pages=1-2', 'bytes=--1']) {
      const response = await fetch(`${base}${mp3}`, { headers: { Range: range } });
      expect(response.status, range).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(audio);
    }
  });

  it('never follows a symlink in the published folder', async () => {
    const keysFile = await fetch(`${base}/shows/morning/data/api-keys.json`);
    expect(keysFile.status).toBe(404);
    expect(await keysFile.text()).not.toContain('sha256');
    const passwd = await fetch(`${base}/shows/morning/passwd.txt`);
    expect(passwd.status).toBe(404);
    expect(await passwd.text()).not.toContain('root:');
  });

  it('answers every static refusal with 404, revealing nothing', async () => {
    for (const path of ['/.hidden', '/..%2F..%2Fetc%2Fpasswd', '/shows/%2e%2e/%2e%2e/etc/passwd', '/shows/morning/nothing.mp3']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expectShape(await response.json(), 'NOT_FOUND');
    }
  });

  it('answers a 100,000-character id with 414 and a bad percent-escape with 400, in the documented shape', async () => {
    const long = await h.server.inject({ method: 'GET', url: `/api/shows/morning/episodes/${'a'.repeat(100_000)}`, headers: h.auth(h.keys.admin) });
    expect(long.statusCode).toBe(414);
    expectShape(long.json(), 'URI_TOO_LONG');
    const escape = await h.server.inject({ method: 'GET', url: '/api/shows/morning/episodes/%E0%A4%A', headers: h.auth(h.keys.admin) });
    expect(escape.statusCode).toBe(400);
    expectShape(escape.json(), 'VALIDATION');
  });

  it('refuses a JSON body that is not valid UTF-8 with 400', async () => {
    const bytes = Buffer.concat([Buffer.from('{"articles":[{"title":"Caf'), Buffer.from([0xc3, 0x28]), Buffer.from('","text":"A story. It is long enough."}]}')]);
    const response = await h.server.inject({ method: 'POST', url: '/api/shows/morning/episodes', headers: { ...h.auth(h.keys.admin), 'content-type': 'application/json' }, payload: bytes });
    expect(response.statusCode).toBe(400);
    expectShape(response.json(), 'VALIDATION');
    expect(response.json().error.message).toMatch(/UTF-8/);
  });

  it('refuses a show whose voice.options nest 5,000 deep with 400', async () => {
    const options = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const payload = JSON.stringify({ ...morningShow, id: 'deep', voice: { provider: 'espeak', name: 'en-us' } }).replace('"name":"en-us"', `"name":"en-us","options":${options}`);
    const response = await h.server.inject({ method: 'POST', url: '/api/shows', headers: { ...h.auth(h.keys.admin), 'content-type': 'application/json' }, payload });
    expect(response.statusCode).toBe(400);
    expectShape(response.json(), 'VALIDATION');
    expect(response.json().error.message).toMatch(/nest/);
  });

  it('refuses "Bearer KEY junk" and an unknown scheme', async () => {
    for (const authorization of [`Bearer ${h.keys.admin} junk`, `Bearer  ${h.keys.admin} x`, `Token ${h.keys.admin}`]) {
      const response = await h.server.inject({ method: 'GET', url: '/api/shows/morning', headers: { authorization } });
      expect(response.statusCode, authorization).toBe(401);
    }
    const ok = await h.server.inject({ method: 'GET', url: '/api/shows/morning', headers: h.auth(h.keys.admin) });
    expect(ok.statusCode).toBe(200);
  });
});

function rawGet(address: URL, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpGet({ host: address.hostname, port: address.port, path }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
}

describe('published paths with object storage', () => {
  let h: ApiHarness;
  let server: FastifyInstance;
  beforeAll(async () => {
    h = await createApiHarness();
    server = await createServer({ publishDir: h.app.config.publishDir, api: h.services.api, servePublished: false });
  });
  afterAll(async () => {
    await server?.close();
    await h?.dispose();
  });

  it('answers path traversal with 404, not 503', async () => {
    const address = new URL(await server.listen({ host: '127.0.0.1', port: 0 }));
    // Raw paths on the wire: fetch and inject would resolve the dot segments before sending.
    for (const path of ['/shows/morning/../../etc/passwd', '/shows/morning/%2e%2e/%2e%2e/x', '/shows/a//b', '/shows/a/%00b']) {
      const { status, body } = await rawGet(address, path);
      expect(status, path).toBe(404);
      expect(JSON.parse(body).error.code).toBe('NOT_FOUND');
    }
    const fine = await server.inject({ method: 'GET', url: '/shows/morning/feed.xml' });
    expect(fine.statusCode).toBe(302);
  });
});
