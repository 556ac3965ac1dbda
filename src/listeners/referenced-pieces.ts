import type { Storage } from '../storage/storage.js';
import { listenerEpisodeSchema } from './listener-episode.js';

/**
 * Every piece key pinned by a listener episode still on record (records past
 * a feed's last N are pruned at build time). A cache collector must keep
 * these: the bytes behind a served URL and ETag never change, because a new
 * mastering version makes new keys and the records keep naming the old ones.
 */
export async function referencedPieceKeys(storage: Storage, showId?: string): Promise<Set<string>> {
  const prefix = showId ? `listeners/${showId}/` : 'listeners/';
  const keys = (await storage.list(prefix)).filter((key) => /\/episodes\/\d{4}-\d{2}-\d{2}\.json$/.test(key));
  const pinned = new Set<string>();
  for (const key of keys) {
    const record = listenerEpisodeSchema.parse(JSON.parse(Buffer.from(await storage.get(key)).toString('utf8')));
    for (const piece of record.pieces) pinned.add(piece.key);
  }
  return pinned;
}
