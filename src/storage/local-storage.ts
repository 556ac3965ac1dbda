import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { assertSafeKey } from './keys.js';
import { contentTypeFor } from './content-type.js';
import type { ObjectInfo, PutOptions, Storage, StorageBody } from './storage.js';

export interface LocalStorageOptions {
  /** Folder holding the objects. */
  root: string;
  /** Base URL the folder is served at (by `briefcast serve` or any web server). */
  publicBaseUrl: string;
}

/** A folder on disk. Writes go to a temporary file in the same folder, then rename(2), which is atomic on POSIX. */
export class LocalStorage implements Storage {
  readonly name = 'local';
  private readonly root: string;
  private readonly publicBaseUrl: string;

  constructor(options: LocalStorageOptions) {
    this.root = options.root;
    this.publicBaseUrl = options.publicBaseUrl.replace(/\/+$/, '');
  }

  private pathOf(key: string): string {
    return join(this.root, ...assertSafeKey(key).split('/'));
  }

  private async writeAtomically(key: string, write: (tmpPath: string) => Promise<void>): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const tmp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await write(tmp);
      await rename(tmp, target);
    } catch (error) {
      await rm(tmp, { force: true });
      throw new BriefcastError(ErrorCodes.STORAGE_FAILED, `could not write: ${(error as Error).message}`, { subject: key, cause: error });
    }
  }

  async put(key: string, body: StorageBody, _options?: PutOptions): Promise<void> {
    await this.writeAtomically(key, async (tmp) => {
      if (body instanceof Readable) await pipeline(body, createWriteStream(tmp));
      else await writeFile(tmp, body);
    });
  }

  async putFile(key: string, path: string, _options?: PutOptions): Promise<void> {
    await this.writeAtomically(key, (tmp) => copyFile(path, tmp));
  }

  async get(key: string): Promise<Uint8Array> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      throw this.readError(key, error);
    }
  }

  async getRange(key: string, start: number, end: number): Promise<Uint8Array> {
    try {
      const file = await open(this.pathOf(key), 'r');
      try {
        const buffer = Buffer.alloc(Math.max(0, end - start + 1));
        const { bytesRead } = await file.read(buffer, 0, buffer.length, start);
        return buffer.subarray(0, bytesRead);
      } finally {
        await file.close();
      }
    } catch (error) {
      throw this.readError(key, error);
    }
  }

  async getToFile(key: string, path: string): Promise<void> {
    try {
      await mkdir(dirname(path), { recursive: true });
      // The kernel's copy: a stitch fetches every piece of an episode and its twin (34 files for the examples).
      await copyFile(this.pathOf(key), path);
    } catch (error) {
      throw this.readError(key, error);
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    try {
      const info = await stat(this.pathOf(key));
      if (!info.isFile()) return null;
      return { key, size: info.size, modifiedAt: info.mtime, contentType: contentTypeFor(key) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw this.readError(key, error);
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      for (const entry of entries) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (entry.isFile() && !entry.name.includes('.tmp-')) keys.push(relative(this.root, full).split(sep).join('/'));
      }
    };
    // Walk only the deepest folder the prefix names, not the whole tree.
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    await walk(folder ? this.pathOf(folder) : this.root);
    return keys.filter((key) => key.startsWith(prefix)).sort();
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  publicUrl(key: string): string {
    return `${this.publicBaseUrl}/${assertSafeKey(key).split('/').map(encodeURIComponent).join('/')}`;
  }

  private readError(key: string, error: unknown): BriefcastError {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return new BriefcastError(ErrorCodes.STORAGE_NOT_FOUND, 'no such object', { subject: key, cause: error });
    }
    return new BriefcastError(ErrorCodes.STORAGE_FAILED, `could not read: ${(error as Error).message}`, { subject: key, cause: error });
  }
}
