import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { contentHash } from '../core/hash.js';
import type { ShowConfig } from '../config/show-config.js';
import { publicKeys, workKeys } from '../storage/keys.js';
import type { PipelineContext } from './context.js';

/** Published files that belong to the show rather than an episode. */
export interface ShowAssets {
  artworkKey?: string;
  artworkUrl?: string;
}

/**
 * Copies local artwork into public storage under a content-hashed name (so it
 * can be cached forever) and remembers where. Remote artwork URLs are used as given.
 */
export async function publishShowAssets(ctx: PipelineContext, show: ShowConfig): Promise<ShowAssets> {
  let assets: ShowAssets = {};
  if (show.artwork && /^https?:\/\//i.test(show.artwork)) {
    assets = { artworkUrl: show.artwork };
  } else if (show.artwork) {
    let bytes: Buffer;
    try {
      bytes = await readFile(show.artwork);
    } catch (error) {
      throw new BriefcastError(ErrorCodes.CONFIG_INVALID, 'artwork file cannot be read', { subject: show.artwork, cause: error });
    }
    const extension = extname(show.artwork).slice(1).toLowerCase() === 'png' ? 'png' : 'jpg';
    const key = publicKeys.artwork(show.id, contentHash(bytes, 12), extension);
    if (!(await ctx.publish.head(key))) await ctx.publish.put(key, bytes, { contentType: extension === 'png' ? 'image/png' : 'image/jpeg' });
    assets = { artworkKey: key, artworkUrl: ctx.publish.publicUrl(key) };
  }
  await ctx.work.put(workKeys.showAssets(show.id), JSON.stringify(assets), { contentType: 'application/json' });
  return assets;
}

export async function readShowAssets(ctx: PipelineContext, showId: string): Promise<ShowAssets> {
  if (!(await ctx.work.head(workKeys.showAssets(showId)))) return {};
  return JSON.parse(Buffer.from(await ctx.work.get(workKeys.showAssets(showId))).toString('utf8')) as ShowAssets;
}
