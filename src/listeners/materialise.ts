import type { ShowConfig } from '../config/show-config.js';
import { contentHash } from '../core/hash.js';
import type { PipelineContext } from '../pipeline/context.js';
import { listenerKeys } from './listener-keys.js';
import type { ListenerEpisode } from './listener-episode.js';
import { PieceCache } from './piece-cache.js';
import { buildEnclosureHeader, enclosureBytes } from './virtual-enclosure.js';

/**
 * For operators who serve audio from a CDN: the same assembler writes each
 * listener's file to publish storage, immutable like show audio, under a name
 * hashed from the listener id and the ETag (96 bits only the listener's feed
 * and responses carry), so the URL is as hard to guess as it is to find.
 */
export function materialiser(ctx: PipelineContext, show: ShowConfig, pieces = new PieceCache(ctx.work)): (episode: ListenerEpisode) => Promise<string> {
  return async (episode) => {
    const header = buildEnclosureHeader(episode);
    const bytes = await enclosureBytes(episode, header, pieces);
    const name = `${episode.day}-${contentHash(`${episode.listenerId}|${episode.etag}|${episode.pieces.map((piece) => piece.key).join('|')}`, 20)}.mp3`;
    const key = listenerKeys.materialised(show.id, episode.listenerId, name);
    await ctx.publish.put(key, bytes, { contentType: 'audio/mpeg', cacheControl: 'public, max-age=31536000, immutable' });
    return key;
  };
}
