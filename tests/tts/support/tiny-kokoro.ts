import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ModelManifest } from '../../../src/tts/kokoro/kokoro-manifest.js';

/** Samples the generated graph makes per token at speed 1 (see make-tiny-kokoro.py). */
export const SAMPLES_PER_TOKEN = 600;

// Debian's python3-onnx is installed for /usr/bin/python3 (a pyenv shim on PATH may not see it).
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** A vocabulary in the tokenizer.json layout of the ONNX export: pad "$" is 0, then punctuation, letters and IPA. */
export function tinyVocab(): Record<string, number> {
  const symbols = '$;:,.!?—…"()“” abcdefhijklmnopqrstuvwxyzæçðøŋœɐɑɒɔəɛɜɚɡɪɬɹɾʃʊʌʒʔʲθᵻˈˌːʰ';
  return Object.fromEntries([...symbols].map((symbol, id) => [symbol, id]));
}

/** The files of a model folder, by path: a generated graph, a tokenizer with the vocab, two voices. */
export function tinyKokoroFiles(): Map<string, Buffer> {
  const scratch = mkdtempSync(join(tmpdir(), 'tiny-kokoro-'));
  const modelPath = join(scratch, 'model.onnx');
  execFileSync(PYTHON, [new URL('./make-tiny-kokoro.py', import.meta.url).pathname, modelPath]);
  const voice = (seed: number) => {
    // 510 rows of 256 float32 values, as in the published voice files; deterministic content.
    const rows = new Float32Array(510 * 256);
    for (let index = 0; index < rows.length; index++) rows[index] = Math.sin(seed * 7.3 + index * 0.011) * 0.5 + seed * 0.1;
    return Buffer.from(rows.buffer);
  };
  return new Map([
    ['onnx/model_quantized.onnx', readFileSync(modelPath)],
    ['tokenizer.json', Buffer.from(JSON.stringify({ version: '1.0', model: { vocab: tinyVocab() } }))],
    ['voices/af_test.bin', voice(1)],
    ['voices/bm_test.bin', voice(2)],
  ]);
}

export async function writeFolder(dir: string, files: Map<string, Buffer>): Promise<void> {
  for (const [path, bytes] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A manifest of these files; `pin` chooses which carry a published hash (the rest are pinned on first download). */
export function manifestFor(files: Map<string, Buffer>, baseUrl: string, pin: (path: string) => boolean = () => true): ModelManifest {
  return {
    name: 'kokoro',
    baseUrl,
    files: [...files].map(([path, bytes]) => ({ path, maxBytes: 10 * 1024 * 1024, ...(pin(path) ? { sha256: sha256(bytes) } : {}) })),
  };
}

export interface ModelServer {
  baseUrl: string;
  files: Map<string, Buffer>;
  requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
  /** Cut the next response for this path after this many bytes (a dropped connection). */
  cutOnce(path: string, afterBytes: number): void;
  close(): Promise<void>;
}

/** A loopback file host that speaks HTTP Range the way Hugging Face's CDN does (206 with Content-Range, 416 past the end). */
export async function startModelServer(files: Map<string, Buffer>): Promise<ModelServer> {
  const requests: ModelServer['requests'] = [];
  const cuts = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/models\//, '');
    requests.push({ path, headers: req.headers });
    const body = files.get(path);
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    let start = 0;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (range) {
      start = Number(range[1]);
      if (start >= body.byteLength) {
        res.writeHead(416, { 'content-range': `bytes */${body.byteLength}` }).end();
        return;
      }
      res.writeHead(206, { 'content-length': String(body.byteLength - start), 'content-range': `bytes ${start}-${body.byteLength - 1}/${body.byteLength}` });
    } else {
      res.writeHead(200, { 'content-length': String(body.byteLength), 'accept-ranges': 'bytes' });
    }
    const cut = cuts.get(path);
    if (cut !== undefined) {
      cuts.delete(path);
      res.write(body.subarray(start, start + cut), () => res.destroy());
      return;
    }
    res.end(body.subarray(start));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/models/`,
    files,
    requests,
    cutOnce: (path, afterBytes) => cuts.set(path, afterBytes),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
