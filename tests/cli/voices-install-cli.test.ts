import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KOKORO_MANIFEST } from '../../src/tts/kokoro/kokoro-manifest.js';
import { runCli } from '../support/run-cli.js';
import { manifestFor, startModelServer, tinyKokoroFiles, type ModelServer } from '../tts/support/tiny-kokoro.js';

const examples = new URL('../../examples/', import.meta.url).pathname;

describe('briefcast voices install kokoro (CLI, against a loopback model host)', () => {
  let root: string;
  let server: ModelServer;
  const files = tinyKokoroFiles();
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-voices-install-'));
    server = await startModelServer(new Map(files));
  });
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it('refuses the stand-in files under the built-in pins, naming the file and both hashes', { timeout: 120_000 }, async () => {
    const env = { BRIEFCAST_DATA_DIR: join(root, 'pinned'), BRIEFCAST_KOKORO_BASE_URL: server.baseUrl };
    const result = await runCli(['voices', 'install', 'kokoro'], env);
    expect(result.code).toBe(1);
    const line = result.stderr.trim().split('\n').at(-1)!;
    expect(line).toMatch(/^briefcast: http:\/\/127\.0\.0\.1:\d+\/models\/onnx\/model_quantized\.onnx: SHA-256 [0-9a-f]{64} does not match the pinned /);
    expect(line).toContain(KOKORO_MANIFEST.files[0]!.sha256!);
  });

  it('installs from a mirror manifest with a progress report, then lists and offers the voices offline', { timeout: 120_000 }, async () => {
    const manifestPath = join(root, 'mirror.json');
    await writeFile(manifestPath, JSON.stringify(manifestFor(files, server.baseUrl)));
    const env = { BRIEFCAST_DATA_DIR: join(root, 'data'), BRIEFCAST_KOKORO_MANIFEST: manifestPath };
    const installed = await runCli(['voices', 'install', 'kokoro'], env);
    expect(installed.stderr).toContain('Downloading Kokoro: started');
    expect(installed.stderr).toContain('Downloading Kokoro: done (4/4) 4 downloaded, 0 already present');
    expect(installed.code).toBe(0);
    expect(installed.stdout).toContain(`Kokoro installed in ${join(root, 'data', 'models', 'kokoro')}`);
    const again = await runCli(['voices', 'install', 'kokoro'], env);
    expect(again.stderr).toContain('0 downloaded, 4 already present');
    await server.close(); // from here on nothing may be fetched
    const listed = await runCli(['voices', '--provider', 'kokoro'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^kokoro \(kokoro:model_quantized\.onnx@[0-9a-f]{12}\+onnxruntime-node@[\d.]+\+espeak-ng-[a-z]+@[\w.]+\): 2 voices\n/);
    expect(listed.stdout).toMatch(/af_test\s+en-us\s+Kokoro voice test/);
    expect(listed.stdout).toMatch(/bm_test\s+en-gb\s+Kokoro voice test/);
    // A whole episode spoken by the installed model, through the CLI as a user runs it.
    const show = join(root, 'kokoro-show.json');
    const base = JSON.parse(await readFile(join(examples, 'show.json'), 'utf8')) as Record<string, unknown>;
    // The copied show keeps its artwork: relative paths resolve beside the show file, so point at the example's.
    const artwork = join(examples, String(base.artwork));
    await writeFile(show, JSON.stringify({ ...base, id: 'kokoro-test', artwork, voice: { provider: 'kokoro', name: 'af_test' } }));
    const created = await runCli(['create', join(examples, '03-business-grocer-takeover.txt'), '--show', show, '--minutes', '0.5'], {
      ...env,
      BRIEFCAST_PUBLISH_DIR: join(root, 'published'),
    });
    expect(created.stderr).not.toMatch(/briefcast: /);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Episode \S+: published/);
    server = await startModelServer(new Map(files));
  });

  it('says how to install when the model is missing, and refuses an unknown model name', { timeout: 120_000 }, async () => {
    const env = { BRIEFCAST_DATA_DIR: join(root, 'empty') };
    const missing = await runCli(['voices', '--provider', 'kokoro'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(
      `briefcast: ${join(root, 'empty', 'models', 'kokoro')}: Kokoro model not installed (no onnx/model_quantized.onnx); run "briefcast voices install kokoro", or set BRIEFCAST_KOKORO_MODEL_DIR to a folder that holds it`,
    );
    const unknown = await runCli(['voices', 'install', 'piper'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('briefcast: piper: unknown voice model; known: kokoro');
  });
});
