import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';

export interface DownloadOptions {
  url: string;
  /** Final path; the bytes arrive in `<target>.part` and are renamed once the hash is checked. */
  target: string;
  /** Expected SHA-256; the download is refused (and deleted) when it differs. Undefined: any content. */
  sha256?: string;
  maxBytes: number;
  /** Tries per file; every try after a cut connection resumes with an HTTP Range request. */
  attempts?: number;
  /** A connection silent for this long is dropped and resumed. */
  idleTimeoutMs?: number;
  onProgress?: (done: number, total: number | undefined) => void;
  fetch?: typeof fetch;
}

/** Downloads one file resumably and returns its SHA-256 (already checked against `sha256` when given). */
export async function downloadFile(options: DownloadOptions): Promise<string> {
  const attempts = options.attempts ?? 4;
  const part = `${options.target}.part`;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await fetchInto(part, options);
      lastError = undefined;
      break;
    } catch (error) {
      lastError = error;
      if (error instanceof BriefcastError && !error.retryable) {
        await rm(part, { force: true });
        throw error;
      }
    }
  }
  if (lastError) {
    throw new BriefcastError(ErrorCodes.MODEL_DOWNLOAD, `download failed after ${attempts} tries (${(lastError as Error).message}); run the command again to resume`, {
      subject: options.url,
      retryable: true,
      cause: lastError,
    });
  }
  const actual = await sha256Of(part);
  if (options.sha256 && actual !== options.sha256) {
    await rm(part, { force: true });
    throw new BriefcastError(ErrorCodes.MODEL_CHECKSUM, `SHA-256 ${actual} does not match the pinned ${options.sha256}; the file was refused and deleted`, {
      subject: options.url,
    });
  }
  await rename(part, options.target);
  return actual;
}

/** One HTTP exchange: appends to the part file from where it stopped, or starts over when the server ignores Range. */
async function fetchInto(part: string, options: DownloadOptions): Promise<void> {
  const have = await sizeOf(part);
  const controller = new AbortController();
  const idleMs = options.idleTimeoutMs ?? 30_000;
  let idle = setTimeout(() => controller.abort(new Error(`no data for ${idleMs} ms`)), idleMs);
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => controller.abort(new Error(`no data for ${idleMs} ms`)), idleMs);
  };
  try {
    const response = await (options.fetch ?? fetch)(options.url, {
      headers: have > 0 ? { range: `bytes=${have}-` } : {},
      redirect: 'follow',
      signal: controller.signal,
    });
    if (response.status === 416 && have > 0) return; // the part file is already whole
    if (response.status !== 200 && response.status !== 206) {
      throw new BriefcastError(ErrorCodes.MODEL_DOWNLOAD, `HTTP ${response.status}`, { subject: options.url, retryable: response.status >= 500 });
    }
    const resuming = response.status === 206 && have > 0 && contentRangeStart(response.headers.get('content-range')) === have;
    const start = resuming ? have : 0;
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    const total = Number.isFinite(length) ? start + length : undefined;
    if (total !== undefined && total > options.maxBytes) {
      throw new BriefcastError(ErrorCodes.MODEL_DOWNLOAD, `file of ${total} bytes is over the ${options.maxBytes}-byte limit`, { subject: options.url });
    }
    const out = createWriteStream(part, { flags: resuming ? 'a' : 'w' });
    let done = start;
    options.onProgress?.(done, total);
    try {
      if (!response.body) throw new Error('empty response body');
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        touch();
        done += chunk.byteLength;
        if (done > options.maxBytes) {
          throw new BriefcastError(ErrorCodes.MODEL_DOWNLOAD, `file is over the ${options.maxBytes}-byte limit`, { subject: options.url });
        }
        if (!out.write(chunk)) await once(out, 'drain');
        options.onProgress?.(done, total);
      }
    } finally {
      out.end();
      await once(out, 'close');
    }
    if (total !== undefined && done !== total) throw new Error(`connection closed at ${done} of ${total} bytes`);
  } finally {
    clearTimeout(idle);
  }
}

function contentRangeStart(header: string | null): number | undefined {
  const match = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
