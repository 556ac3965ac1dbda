import type { EpisodeRecord } from '../core/episode.js';
import { toBriefcastError } from '../core/errors.js';
import type { Article, ScriptDocument } from '../core/types.js';
import type { ShowConfig } from '../config/show-config.js';
import { ingestSources, type IngestOptions } from '../ingest/index.js';
import { cleanArticle } from '../clean/index.js';
import type { PipelineContext } from './context.js';
import { completeEpisode, prepareEpisode, synthesiseEpisode } from './episode-steps.js';
import { EpisodeStore } from './episode-store.js';
import { noProgress, type ProgressListener } from './progress.js';
import { publishShowAssets } from './show-assets.js';
import { rebuildFeed } from './publish-episode.js';

/**
 * Runs the whole pipeline in this process. The distributed mode calls the
 * same step functions from queue workers instead.
 */
export interface CreateEpisodeRequest {
  show: ShowConfig;
  sources: string[];
  date: Date;
  episodeId?: string;
  writer?: string;
  ingest?: Partial<IngestOptions>;
  /** Stop after writing the script (a draft for review). */
  draft?: boolean;
}

export async function ingestAndClean(sources: string[], options: Partial<IngestOptions>, onProgress: ProgressListener): Promise<Article[]> {
  onProgress({ stage: 'ingest', done: 0, total: sources.length });
  const raw = await ingestSources(sources, options);
  onProgress({ stage: 'ingest', done: sources.length, total: sources.length, message: `${raw.length} articles` });
  const cleaned = raw.map((article) => cleanArticle(article));
  onProgress({ stage: 'clean', done: cleaned.length, total: cleaned.length });
  return cleaned;
}

export async function createEpisode(ctx: PipelineContext, request: CreateEpisodeRequest, onProgress: ProgressListener = noProgress): Promise<EpisodeRecord> {
  // Everything that can be refused (inputs, show, voice) is checked before anything is published.
  const articles = await ingestAndClean(request.sources, request.ingest ?? {}, onProgress);
  return buildFromArticles(ctx, request.show, articles, { ...request }, onProgress);
}

export async function buildFromArticles(
  ctx: PipelineContext,
  show: ShowConfig,
  articles: Article[],
  options: { date: Date; episodeId?: string; writer?: string; draft?: boolean; script?: ScriptDocument },
  onProgress: ProgressListener = noProgress,
): Promise<EpisodeRecord> {
  onProgress({ stage: 'script', done: 0, total: 1 });
  const prepared = await prepareEpisode(ctx, show, articles, options);
  onProgress({ stage: 'script', done: 1, total: 1 });
  const store = new EpisodeStore(ctx.work);
  if (options.draft) {
    const draft = await store.updateEpisode(show.id, prepared.id, (record) => ({ ...record, status: record.status === 'published' ? 'published' : 'draft' }));
    // Smart speakers read a text-only item for a draft until its audio exists.
    await publishShowAssets(ctx, show);
    await rebuildFeed(ctx, show);
    return draft;
  }
  return synthesiseAndPublish(ctx, show, prepared.id, onProgress);
}

/** From a written (possibly edited) script to a published episode; marks the record failed on error. */
export async function synthesiseAndPublish(ctx: PipelineContext, show: ShowConfig, episodeId: string, onProgress: ProgressListener = noProgress): Promise<EpisodeRecord> {
  const store = new EpisodeStore(ctx.work);
  const log = ctx.logger.child({ showId: show.id, episodeId });
  try {
    await publishShowAssets(ctx, show);
    const results = await synthesiseEpisode(ctx, show, episodeId, onProgress);
    const record = await completeEpisode(ctx, show, episodeId, results, onProgress);
    log.info({ durationSeconds: record.audio?.durationSeconds, lufs: record.audio?.integratedLufs }, 'episode published');
    return record;
  } catch (error) {
    const failure = toBriefcastError(error);
    log.error({ code: failure.code, err: failure }, 'episode failed');
    await store
      .updateEpisode(show.id, episodeId, (record) => ({
        ...record,
        status: record.status === 'published' ? 'published' : 'failed',
        error: { code: failure.code, message: failure.toLine() },
        updatedAt: ctx.now().toISOString(),
      }))
      .catch(() => undefined);
    throw failure;
  }
}
