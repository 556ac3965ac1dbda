import { ErrorCodes, isBriefcastError } from '../core/errors.js';
import type { StoryKey, UsedStories } from '../ingest/feeds/index.js';
import type { Storage } from '../storage/storage.js';
import { workKeys } from '../storage/keys.js';

/** Oldest entries are forgotten past this many per kind; feeds never reach that far back. */
const MAX_REMEMBERED = 5_000;

interface StoredMemory {
  version: 1;
  guids: string[];
  links: string[];
  titles: string[];
}

/**
 * The stories a show has already told (guid, normalised link and title), in
 * work storage, so every process and every restart sees the same memory.
 * Callers serialise load-and-remember under the show's lock.
 */
export async function loadUsedStories(storage: Storage, showId: string): Promise<UsedStories> {
  try {
    const stored = JSON.parse(Buffer.from(await storage.get(workKeys.usedStories(showId))).toString('utf8')) as StoredMemory;
    return { guids: new Set(stored.guids), links: new Set(stored.links), titles: new Set(stored.titles) };
  } catch (error) {
    if (isBriefcastError(error, ErrorCodes.STORAGE_NOT_FOUND)) return { guids: new Set(), links: new Set(), titles: new Set() };
    throw error;
  }
}

export async function rememberStories(storage: Storage, showId: string, used: UsedStories, keys: StoryKey[]): Promise<void> {
  for (const key of keys) {
    if (key.guid) used.guids.add(key.guid);
    if (key.link) used.links.add(key.link);
    used.titles.add(key.title);
  }
  const recent = (values: Set<string>) => [...values].slice(-MAX_REMEMBERED);
  const stored: StoredMemory = { version: 1, guids: recent(used.guids), links: recent(used.links), titles: recent(used.titles) };
  await storage.put(workKeys.usedStories(showId), `${JSON.stringify(stored)}\n`, { contentType: 'application/json' });
}
