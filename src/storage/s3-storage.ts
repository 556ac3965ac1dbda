import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { cacheControlFor, contentTypeFor } from './content-type.js';
import { assertSafeKey } from './keys.js';
import type { ObjectInfo, PutOptions, Storage, StorageBody } from './storage.js';

export interface S3StorageOptions {
  bucket: string;
  /** Key prefix inside the bucket ("" or ending in "/"), so several stores can share one bucket. */
  prefix?: string;
  region?: string;
  /** Custom endpoint for S3-compatible servers (MinIO, s3rver, R2...). */
  endpoint?: string;
  /** Path-style URLs (http://host/bucket/key): needed by MinIO and s3rver. */
  forcePathStyle?: boolean;
  /** Base URL listeners fetch objects at (a CDN or the bucket's public URL); defaults to the endpoint's path-style URL. */
  publicBaseUrl?: string;
  /** Explicit credentials; when absent the SDK's usual chain (AWS_* variables, profiles, instance roles) applies. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Bodies up to this size go in one PutObject; larger streams use multipart upload. */
  partSizeBytes?: number;
}

/**
 * Storage on S3 or any S3-compatible server. The AWS SDK is imported on first
 * use, so it only loads in processes that chose S3. PutObject is atomic: a
 * reader sees the old or the new object, never half of one.
 */
export class S3Storage implements Storage {
  readonly name = 's3';
  private readonly prefix: string;
  private readonly publicBaseUrl: string;
  private client?: Promise<{ client: S3Client; sdk: typeof import('@aws-sdk/client-s3') }>;

  constructor(private readonly options: S3StorageOptions) {
    this.prefix = options.prefix ?? '';
    const endpoint = (options.endpoint ?? `https://s3.${options.region ?? 'us-east-1'}.amazonaws.com`).replace(/\/+$/, '');
    this.publicBaseUrl = (options.publicBaseUrl ?? `${endpoint}/${options.bucket}${this.prefix ? `/${this.prefix.replace(/\/$/, '')}` : ''}`).replace(/\/+$/, '');
  }

  private sdk() {
    this.client ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: this.options.region ?? 'us-east-1',
        endpoint: this.options.endpoint,
        forcePathStyle: this.options.forcePathStyle ?? false,
        credentials: this.options.credentials,
        // The default ('WHEN_SUPPORTED') frames streamed bodies as aws-chunked with a CRC trailer; some
        // S3-compatible servers store that framing inside the object without an error. Only send checksums when required.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    }));
    return this.client;
  }

  private objectKey(key: string): string {
    return `${this.prefix}${assertSafeKey(key)}`;
  }

  private headers(key: string, options?: PutOptions) {
    return { ContentType: options?.contentType ?? contentTypeFor(key), CacheControl: options?.cacheControl ?? cacheControlFor(key) };
  }

  async put(key: string, body: StorageBody, options?: PutOptions): Promise<void> {
    if (body instanceof Readable) return this.upload(key, body, options);
    const { client, sdk } = await this.sdk();
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    await this.call('write', key, () =>
      client.send(new sdk.PutObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key), Body: bytes, ContentLength: bytes.byteLength, ...this.headers(key, options) })),
    );
  }

  async putFile(key: string, path: string, options?: PutOptions): Promise<void> {
    await this.upload(key, createReadStream(path), options);
  }

  /** Streams of unknown length go through lib-storage: one PutObject when small, multipart when large. */
  private async upload(key: string, body: Readable, options?: PutOptions): Promise<void> {
    const [{ client }, { Upload }] = await Promise.all([this.sdk(), import('@aws-sdk/lib-storage')]);
    const upload = new Upload({
      client,
      params: { Bucket: this.options.bucket, Key: this.objectKey(key), Body: body, ...this.headers(key, options) },
      partSize: Math.max(5 * 1024 * 1024, this.options.partSizeBytes ?? 8 * 1024 * 1024),
      queueSize: 2,
      leavePartsOnError: false,
    });
    await this.call('write', key, () => upload.done());
  }

  async get(key: string): Promise<Uint8Array> {
    const { client, sdk } = await this.sdk();
    const response = await this.call('read', key, () => client.send(new sdk.GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) })));
    if (!response.Body) throw new BriefcastError(ErrorCodes.STORAGE_FAILED, 'empty response body', { subject: key, retryable: true });
    try {
      return await response.Body.transformToByteArray();
    } catch (error) {
      // The connection can drop after the headers, mid-body.
      throw new BriefcastError(ErrorCodes.STORAGE_FAILED, `download failed: ${(error as Error).message}`, { subject: key, cause: error, retryable: true });
    }
  }

  /** One GetObject with a Range header: only the asked bytes cross the network. */
  async getRange(key: string, start: number, end: number): Promise<Uint8Array> {
    const { client, sdk } = await this.sdk();
    const response = await this.call('read', key, () => client.send(new sdk.GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key), Range: `bytes=${start}-${end}` })));
    if (!response.Body) throw new BriefcastError(ErrorCodes.STORAGE_FAILED, 'empty response body', { subject: key, retryable: true });
    try {
      const bytes = await response.Body.transformToByteArray();
      // HTTP lets a server ignore Range and send the whole object (s3rver does for bytes=0-0): cut the span out.
      return bytes.length > end - start + 1 ? bytes.subarray(start, end + 1) : bytes;
    } catch (error) {
      throw new BriefcastError(ErrorCodes.STORAGE_FAILED, `download failed: ${(error as Error).message}`, { subject: key, cause: error, retryable: true });
    }
  }

  async getToFile(key: string, path: string): Promise<void> {
    const { client, sdk } = await this.sdk();
    const response = await this.call('read', key, () => client.send(new sdk.GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) })));
    await mkdir(dirname(path), { recursive: true });
    // Download beside the target and rename, so ffmpeg never reads a half-written file.
    const tmp = `${path}.tmp-${randomBytes(4).toString('hex')}`;
    try {
      await pipeline(response.Body as Readable, createWriteStream(tmp));
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true });
      throw new BriefcastError(ErrorCodes.STORAGE_FAILED, `download failed: ${(error as Error).message}`, { subject: key, cause: error, retryable: true });
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const { client, sdk } = await this.sdk();
    try {
      const info = await this.call('read', key, () => client.send(new sdk.HeadObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) })));
      return {
        key,
        size: info.ContentLength ?? 0,
        modifiedAt: info.LastModified ?? new Date(0),
        contentType: info.ContentType,
        etag: info.ETag,
      };
    } catch (error) {
      if ((error as BriefcastError).code === ErrorCodes.STORAGE_NOT_FOUND) return null;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const { client, sdk } = await this.sdk();
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.call('list', prefix, () =>
        client.send(new sdk.ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: `${this.prefix}${prefix}`, ContinuationToken: token })),
      );
      for (const entry of page.Contents ?? []) if (entry.Key) keys.push(entry.Key.slice(this.prefix.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async delete(key: string): Promise<void> {
    const { client, sdk } = await this.sdk();
    await this.call('delete', key, () => client.send(new sdk.DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) })));
  }

  publicUrl(key: string): string {
    return `${this.publicBaseUrl}/${assertSafeKey(key).split('/').map(encodeURIComponent).join('/')}`;
  }

  async close(): Promise<void> {
    if (this.client) (await this.client).client.destroy();
  }

  /** Runs one SDK call and turns its errors into BriefcastErrors: 404 is not-found, 5xx and network errors are retryable. */
  private async call<T>(action: string, key: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const failure = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown };
      const status = failure.$metadata?.httpStatusCode;
      if (status === 404 || failure.name === 'NoSuchKey' || failure.name === 'NotFound') {
        throw new BriefcastError(ErrorCodes.STORAGE_NOT_FOUND, 'no such object', { subject: key, cause: error });
      }
      // No HTTP status means the request never got an answer (network, timeout): worth another attempt, unless credentials are missing.
      const retryable = failure.name !== 'CredentialsProviderError' && (Boolean(failure.$retryable) || status === undefined || status >= 500 || status === 429);
      throw new BriefcastError(ErrorCodes.STORAGE_FAILED, `could not ${action}: ${failure.name ?? 'Error'}${failure.message ? ` ${failure.message}` : ''}`, {
        subject: key,
        cause: error,
        retryable,
      });
    }
  }
}
