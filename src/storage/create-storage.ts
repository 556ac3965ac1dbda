import { join, resolve } from 'node:path';
import type { AppConfig } from '../config/env.js';
import { LocalStorage } from './local-storage.js';
import { S3Storage } from './s3-storage.js';
import type { Storage } from './storage.js';

/** The two stores a pipeline uses: working data (never fetched by listeners) and what listeners fetch. */
export interface Storages {
  work: Storage;
  publish: Storage;
}

/**
 * Builds the configured backend. With S3 both stores live in one bucket under
 * "work/" and "public/", so a bucket policy can make only the published prefix readable.
 */
export function createStorages(config: AppConfig, dataDir = resolve(config.dataDir)): Storages {
  const storage = config.storage;
  if (storage.kind === 'local') {
    return {
      work: new LocalStorage({ root: join(dataDir, 'store'), publicBaseUrl: 'file://' + join(dataDir, 'store') }),
      publish: new LocalStorage({ root: resolve(config.publishDir), publicBaseUrl: config.publicUrl }),
    };
  }
  const common = { bucket: storage.bucket, region: storage.region, endpoint: storage.endpoint, forcePathStyle: storage.forcePathStyle, credentials: storage.credentials };
  return {
    work: new S3Storage({ ...common, prefix: `${storage.prefix}work/` }),
    publish: new S3Storage({ ...common, prefix: `${storage.prefix}public/`, publicBaseUrl: storage.publicUrl }),
  };
}
