import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalStorage } from '../../src/storage/local-storage.js';
import { describeStorageConformance } from './storage-conformance.js';

describeStorageConformance('LocalStorage', async () => {
  const root = await mkdtemp(join(tmpdir(), 'briefcast-local-'));
  return {
    storage: new LocalStorage({ root, publicBaseUrl: 'http://127.0.0.1:8080' }),
    close: () => rm(root, { recursive: true, force: true }),
  };
});
