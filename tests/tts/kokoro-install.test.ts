import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installModel, PINS_FILE, type InstallProgress } from '../../src/tts/kokoro/model-install.js';
import { loadManifestFile } from '../../src/tts/kokoro/kokoro-manifest.js';
import { briefcastFailure } from '../support/briefcast-failure.js';
import { manifestFor, sha256, startModelServer, tinyKokoroFiles, type ModelServer } from './support/tiny-kokoro.js';

const MODEL = 'onnx/model_quantized.onnx';

describe('briefcast voices install kokoro: download, resume, pins', () => {
  let server: ModelServer;
  let root: string;
  const files = tinyKokoroFiles();
  beforeAll(async () => {
    server = await startModelServer(new Map(files));
    root = await mkdtemp(join(tmpdir(), 'kokoro-install-'));
  });
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });
  const fresh = async () => mkdtemp(join(root, 'models-'));

  it('downloads every file once, reports progress up to each size, and records first-download hashes', async () => {
    const dir = await fresh();
    const progress: InstallProgress[] = [];
    const manifest = manifestFor(files, server.baseUrl, (path) => path !== 'tokenizer.json');
    const first = await installModel({ manifest, dir, onProgress: (event) => progress.push(event) });
    expect(first.downloaded.sort()).toEqual([...files.keys()].sort());
    for (const [path, bytes] of files) expect(sha256(await readFile(join(dir, path)))).toBe(sha256(bytes));
    const modelEvents = progress.filter((event) => event.file === MODEL);
    expect(modelEvents.at(-1)).toMatchObject({ done: files.get(MODEL)!.byteLength, total: files.get(MODEL)!.byteLength, count: files.size });
    const pins = JSON.parse(await readFile(join(dir, PINS_FILE), 'utf8')) as Record<string, string>;
    expect(pins['tokenizer.json']).toBe(sha256(files.get('tokenizer.json')!));

    const before = server.requests.length;
    const second = await installModel({ manifest, dir });
    expect(second).toMatchObject({ downloaded: [], alreadyPresent: [...files.keys()] });
    expect(server.requests.length).toBe(before);
  });

  it('resumes a cut connection with an HTTP Range request and ends with the exact file', async () => {
    const dir = await fresh();
    const model = files.get(MODEL)!;
    const half = Math.floor(model.byteLength / 2);
    server.cutOnce(MODEL, half);
    const before = server.requests.length;
    await installModel({ manifest: manifestFor(files, server.baseUrl), dir });
    const modelRequests = server.requests.slice(before).filter((request) => request.path === MODEL);
    expect(modelRequests.map((request) => request.headers.range)).toEqual([undefined, `bytes=${half}-`]);
    expect(sha256(await readFile(join(dir, MODEL)))).toBe(sha256(model));
    expect(await readdir(join(dir, 'onnx'))).toEqual(['model_quantized.onnx']);
  });

  it('refuses a file whose SHA-256 does not match the pin, and keeps no part of it', async () => {
    const dir = await fresh();
    const manifest = manifestFor(files, server.baseUrl);
    manifest.files[0] = { ...manifest.files[0]!, sha256: 'f'.repeat(64) };
    const failure = await briefcastFailure(installModel({ manifest, dir }));
    expect(failure.code).toBe('MODEL_CHECKSUM');
    expect(failure.message).toContain('does not match the pinned');
    expect(await readdir(join(dir, 'onnx'))).toEqual([]);
  });

  it('refuses a later change of a file that had no published hash (pinned on first download)', async () => {
    const dir = await fresh();
    const manifest = manifestFor(files, server.baseUrl, (path) => path !== 'voices/bm_test.bin');
    await installModel({ manifest, dir });
    await rm(join(dir, 'voices/bm_test.bin'));
    server.files.set('voices/bm_test.bin', Buffer.concat([files.get('voices/bm_test.bin')!.subarray(1024), Buffer.alloc(1024)]));
    try {
      const failure = await briefcastFailure(installModel({ manifest, dir }));
      expect(failure.code).toBe('MODEL_CHECKSUM');
      expect(failure.subject).toContain('voices/bm_test.bin');
    } finally {
      server.files.set('voices/bm_test.bin', files.get('voices/bm_test.bin')!);
    }
  });

  it('re-downloads a damaged file, and fails with a one-line reason when the host answers 404', async () => {
    const dir = await fresh();
    const manifest = manifestFor(files, server.baseUrl);
    await installModel({ manifest, dir });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'voices/af_test.bin'), 'damaged');
    const repaired = await installModel({ manifest, dir });
    expect(repaired.downloaded).toEqual(['voices/af_test.bin']);
    const missing = await briefcastFailure(installModel({ manifest: { ...manifest, files: [{ path: 'voices/nobody.bin', maxBytes: 1000 }] }, dir }));
    expect(missing).toMatchObject({ code: 'MODEL_DOWNLOAD', message: 'HTTP 404' });
  });

  it('refuses a file larger than its bound', async () => {
    const dir = await fresh();
    const manifest = manifestFor(files, server.baseUrl);
    const failure = await briefcastFailure(installModel({ manifest: { ...manifest, files: [{ ...manifest.files[0]!, maxBytes: 100 }] }, dir }));
    expect(failure.code).toBe('MODEL_DOWNLOAD');
    expect(failure.message).toContain('over the 100-byte limit');
  });

  it('validates an operator manifest: relative paths only, hex pins, a base URL', async () => {
    const { writeFile } = await import('node:fs/promises');
    const path = join(root, 'manifest.json');
    await writeFile(path, JSON.stringify({ files: [{ path: 'voices/a.bin', sha256: 'a'.repeat(64) }] }));
    expect(await loadManifestFile(path, server.baseUrl)).toEqual({ name: 'kokoro', baseUrl: server.baseUrl, files: [{ path: 'voices/a.bin', sha256: 'a'.repeat(64), maxBytes: 512 * 1024 * 1024 }] });
    for (const [files, reason] of [
      [[{ path: '../outside.bin' }], 'without ".."'],
      [[{ path: '/etc/passwd' }], 'without ".."'],
      [[{ path: 'a.bin', sha256: 'XYZ' }], '64 lowercase hex digits'],
    ] as const) {
      await writeFile(path, JSON.stringify({ files }));
      const failure = await briefcastFailure(loadManifestFile(path, server.baseUrl));
      expect(failure.code).toBe('CONFIG_INVALID');
      expect(failure.message).toContain(reason);
    }
    await writeFile(path, '{ not json');
    expect((await briefcastFailure(loadManifestFile(path, server.baseUrl))).code).toBe('CONFIG_INVALID');
  });
});
