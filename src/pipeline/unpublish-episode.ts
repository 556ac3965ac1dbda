import type { ShowConfig } from '../config/show-config.js';
import type { EpisodeRecord } from '../core/episode.js';
import { BriefcastError, ErrorCodes, isBriefcastError } from '../core/errors.js';
import { publicKeys, workKeys } from '../storage/keys.js';
import type { PipelineContext } from './context.js';
import { episodeLockName, SETTLED_STATUSES } from './episode-lifecycle.js';
import { EpisodeStore } from './episode-store.js';
import { rebuildFeed } from './publish-episode.js';

/**
 * An episode taken out of its feed: the record as it was, and when and how it
 * was removed. Unpublished records live beside the show's episodes, not among
 * them (workKeys.unpublished): the feed builder lists every
 * `episodes/<id>/episode.json`, so moving the record out is what takes the
 * episode out of the feed.
 */
export interface UnpublishedRecord extends Omit<EpisodeRecord, 'status'> {
  status: 'unpublished';
  unpublishedAt: string;
  audioDeleted: boolean;
}

export async function findUnpublished(ctx: PipelineContext, showId: string, episodeId: string): Promise<UnpublishedRecord | null> {
  try {
    return JSON.parse(Buffer.from(await ctx.work.get(workKeys.unpublished(showId, episodeId))).toString('utf8')) as UnpublishedRecord;
  } catch (error) {
    if (isBriefcastError(error, ErrorCodes.STORAGE_NOT_FOUND)) return null;
    throw error;
  }
}

export async function listUnpublished(ctx: PipelineContext, showId: string): Promise<UnpublishedRecord[]> {
  const prefix = workKeys.unpublishedPrefix(showId);
  const keys = (await ctx.work.list(prefix)).filter((key) => key.endsWith('.json'));
  return Promise.all(keys.map(async (key) => JSON.parse(Buffer.from(await ctx.work.get(key)).toString('utf8')) as UnpublishedRecord));
}

/**
 * Takes an episode out of the show's feeds; its published files (audio,
 * transcripts, chapters) are deleted unless `keepAudio`. The feeds are rebuilt
 * before the files go, so no feed ever names a missing file.
 */
export async function unpublishEpisode(
  ctx: PipelineContext,
  show: ShowConfig,
  episodeId: string,
  options: { keepAudio: boolean },
): Promise<UnpublishedRecord> {
  const store = new EpisodeStore(ctx.work);
  // Under the episode's lock, so no build step changes the record between the check and the move.
  const removed = await ctx.lock(episodeLockName({ showId: show.id, episodeId }), async () => {
    const record = await store.getEpisode(show.id, episodeId);
    // Anything not being built right now can be unpublished.
    if (!SETTLED_STATUSES.has(record.status)) {
      throw new BriefcastError(ErrorCodes.STORAGE_CONFLICT, `the episode is being built (${record.status}); try again when it has finished`, {
        subject: `${show.id}/${episodeId}`,
        retryable: true,
      });
    }
    const now = ctx.now().toISOString();
    const moved: UnpublishedRecord = { ...record, status: 'unpublished', unpublishedAt: now, updatedAt: now, audioDeleted: !options.keepAudio };
    await ctx.work.put(workKeys.unpublished(show.id, episodeId), `${JSON.stringify(moved, null, 2)}\n`, { contentType: 'application/json' });
    await ctx.work.delete(workKeys.episode(show.id, episodeId));
    return moved;
  });
  await rebuildFeed(ctx, show);
  if (!options.keepAudio) {
    for (const key of await ctx.publish.list(publicKeys.episodePrefix(show.id, episodeId))) await ctx.publish.delete(key);
  }
  return removed;
}
