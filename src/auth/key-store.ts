import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { BriefcastError, ErrorCodes } from '../core/errors.js';

/**
 * API keys live in one JSON file under the data folder, hashed: a stolen file
 * does not give access. Keys are 32 random bytes, so a plain SHA-256 is enough
 * (slow hashes such as scrypt guard guessable passwords, not random keys).
 */
const entrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]{8,32}$/),
  name: z.string().min(1).max(128),
  /** Hex SHA-256 of the whole key. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** When set, the key may only act on this show. */
  showId: z.string().min(1).optional(),
  createdAt: z.string(),
});
const fileSchema = z.object({ version: z.literal(1), keys: z.array(entrySchema) });

export type ApiKeyEntry = z.infer<typeof entrySchema>;

/** What a request learns about the key it presented (never the hash). */
export interface ApiPrincipal {
  keyId: string;
  name: string;
  showId?: string;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export class KeyStore {
  private cache?: { mtimeMs: number; entries: ApiKeyEntry[] };

  constructor(readonly path: string) {}

  private async load(): Promise<ApiKeyEntry[]> {
    const info = await stat(this.path).catch(() => null);
    if (!info) return [];
    if (this.cache && this.cache.mtimeMs === info.mtimeMs) return this.cache.entries;
    let parsed: z.infer<typeof fileSchema>;
    try {
      parsed = fileSchema.parse(JSON.parse(await readFile(this.path, 'utf8')));
    } catch (error) {
      throw new BriefcastError(ErrorCodes.CONFIG_INVALID, 'API keys file is not valid', { subject: this.path, cause: error });
    }
    this.cache = { mtimeMs: info.mtimeMs, entries: parsed.keys };
    return parsed.keys;
  }

  list(): Promise<ApiKeyEntry[]> {
    return this.load();
  }

  /** Creates a key and returns it: the only moment the key itself exists outside the caller. */
  async add(options: { name?: string; showId?: string; now?: Date }): Promise<{ key: string; entry: ApiKeyEntry }> {
    const entries = await this.load();
    const id = randomBytes(6).toString('hex');
    const key = `bc_${id}_${randomBytes(32).toString('base64url')}`;
    const entry: ApiKeyEntry = {
      id,
      name: options.name ?? `key-${id}`,
      hash: hashApiKey(key),
      ...(options.showId ? { showId: options.showId } : {}),
      createdAt: (options.now ?? new Date()).toISOString(),
    };
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify({ version: 1, keys: [...entries, entry] }, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, this.path);
    this.cache = undefined;
    return { key, entry };
  }

  /**
   * The principal for a presented key, or null. Every stored hash is compared
   * in constant time, and all of them are compared, so timing tells nothing
   * about which key or how much of it matched.
   */
  async verify(presented: string): Promise<ApiPrincipal | null> {
    const entries = await this.load();
    const digest = Buffer.from(hashApiKey(presented), 'hex');
    let found: ApiKeyEntry | undefined;
    for (const entry of entries) {
      if (timingSafeEqual(digest, Buffer.from(entry.hash, 'hex')) && !found) found = entry;
    }
    return found ? { keyId: found.id, name: found.name, ...(found.showId ? { showId: found.showId } : {}) } : null;
  }
}
