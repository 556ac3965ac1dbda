import { mkdir, readFile, rm, stat, writeFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import type { ModelManifest } from './kokoro-manifest.js';
import { downloadFile, sha256Of } from './model-download.js';

export interface InstallProgress {
  file: string;
  index: number;
  count: number;
  done: number;
  total: number | undefined;
}

export interface InstallOptions {
  manifest: ModelManifest;
  /** The model's folder, e.g. <models dir>/kokoro. */
  dir: string;
  onProgress?: (progress: InstallProgress) => void;
  fetch?: typeof fetch;
  idleTimeoutMs?: number;
}

export interface InstallResult {
  dir: string;
  downloaded: string[];
  alreadyPresent: string[];
}

/** File name of the first-download hashes, for files the publisher lists without one. */
export const PINS_FILE = 'pins.json';

/**
 * Downloads every file of a manifest that is not already present and intact.
 * A file with a published hash must match it; a file without one must match the
 * hash recorded on its first download, so a later change upstream is refused.
 */
export async function installModel(options: InstallOptions): Promise<InstallResult> {
  const { manifest, dir } = options;
  await mkdir(dir, { recursive: true });
  const pins = await readPins(dir);
  const result: InstallResult = { dir, downloaded: [], alreadyPresent: [] };
  for (const [index, file] of manifest.files.entries()) {
    const target = join(dir, file.path);
    const expected = file.sha256 ?? pins[file.path];
    if (await exists(target)) {
      const actual = await sha256Of(target);
      if (!expected || actual === expected) {
        pins[file.path] ??= actual;
        result.alreadyPresent.push(file.path);
        continue;
      }
      await rm(target); // damaged or stale: fetch it again, under the same pin
    }
    await mkdir(dirname(target), { recursive: true });
    const url = new URL(file.path, manifest.baseUrl.endsWith('/') ? manifest.baseUrl : `${manifest.baseUrl}/`).href;
    const actual = await downloadFile({
      url,
      target,
      sha256: expected,
      maxBytes: file.maxBytes,
      fetch: options.fetch,
      idleTimeoutMs: options.idleTimeoutMs,
      onProgress: (done, total) => options.onProgress?.({ file: file.path, index, count: manifest.files.length, done, total }),
    });
    if (!file.sha256) pins[file.path] = actual;
    await writePins(dir, pins);
    result.downloaded.push(file.path);
  }
  await writePins(dir, pins);
  return result;
}

async function readPins(dir: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(join(dir, PINS_FILE), 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && /^[0-9a-f]{64}$/.test(entry[1])));
    }
  } catch {
    // fall through: a damaged pins file must not silently unpin everything
  }
  throw new BriefcastError(ErrorCodes.MODEL_CHECKSUM, 'the recorded hashes are unreadable; delete the folder to start over', { subject: join(dir, PINS_FILE) });
}

async function writePins(dir: string, pins: Record<string, string>): Promise<void> {
  const path = join(dir, PINS_FILE);
  await writeFile(`${path}.tmp`, `${JSON.stringify(pins, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
