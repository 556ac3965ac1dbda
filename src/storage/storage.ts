import type { Readable } from 'node:stream';

/**
 * One storage interface, many backends (local folder, S3). Keys are
 * slash-separated relative paths; drivers never see absolute paths or "..".
 */
export interface PutOptions {
  contentType?: string;
  /** Cache-Control header for backends that serve HTTP (S3/CDN). */
  cacheControl?: string;
}

export interface ObjectInfo {
  key: string;
  size: number;
  modifiedAt: Date;
  contentType?: string;
  etag?: string;
}

export type StorageBody = Uint8Array | string | Readable;

export interface Storage {
  /** Human-readable backend name, for logs. */
  readonly name: string;
  /** Writes the whole object atomically: readers see the old or the new object, never a half. */
  put(key: string, body: StorageBody, options?: PutOptions): Promise<void>;
  /** Throws BriefcastError STORAGE_NOT_FOUND when missing. */
  get(key: string): Promise<Uint8Array>;
  /**
   * Bytes `start` to `end` (inclusive) of an object, fewer when the object ends sooner; `start`
   * must lie inside the object. Optional: without it, callers read the whole object.
   */
  getRange?(key: string, start: number, end: number): Promise<Uint8Array>;
  head(key: string): Promise<ObjectInfo | null>;
  /** Keys under a prefix, sorted. */
  list(prefix: string): Promise<string[]>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Absolute URL where the object can be fetched by listeners. */
  publicUrl(key: string): string;
  /** Copies a local file in (drivers may stream it). */
  putFile(key: string, path: string, options?: PutOptions): Promise<void>;
  /** Copies an object out to a local file (for ffmpeg). */
  getToFile(key: string, path: string): Promise<void>;
}
