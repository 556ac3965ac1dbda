import type { EpisodeRecord } from '../core/episode.js';
import type { BriefcastError } from '../core/errors.js';
import type { Article } from '../core/types.js';
import { ingestSources, type IngestOptions } from '../ingest/index.js';
import { cleanArticles } from '../clean/clean-off-thread.js';
import type { PipelineContext } from './context.js';
import { EmbeddedExecutor } from './embedded-executor.js';
import { EpisodeRunner, type SubmitEpisodeRequest } from './episode-runner.js';
import { EpisodeStore } from './episode-store.js';
import { noProgress, type ProgressListener } from './progress.js';
import type { ShowConfig } from '../config/show-config.js';

/**
 * Submit-and-wait on the embedded executor: what the CLI's `create`, `rebuild`
 * and `demo` run. The episode goes through the same runner, lifecycle and steps
 * as one the API submits; this only waits for it and throws its failure.
 */
export async function ingestAndClean(sources: string[], options: Partial<IngestOptions>, onProgress: ProgressListener): Promise<Article[]> {
  onProgress({ stage: 'ingest', done: 0, total: sources.length });
  const raw = await ingestSources(sources, options);
  onProgress({ stage: 'ingest', done: sources.length, total: sources.length, message: `${raw.length} articles` });
  const cleaned = await cleanArticles(raw);
  onProgress({ stage: 'clean', done: cleaned.length, total: cleaned.length });
  return cleaned;
}

export interface CreateEpisodeRequest extends Omit<SubmitEpisodeRequest, 'articles' | 'rebuild'> {
  sources: string[];
  ingest?: Partial<IngestOptions>;
}

/** Everything that can be refused (inputs, show, voice) is checked before anything is published. */
export async function createEpisode(ctx: PipelineContext, request: CreateEpisodeRequest, onProgress: ProgressListener = noProgress): Promise<EpisodeRecord> {
  const { sources, ingest, ...rest } = request;
  const articles = await ingestAndClean(sources, ingest ?? {}, onProgress);
  return buildFromArticles(ctx, rest.show, articles, rest, onProgress);
}

/** Builds (or, for an existing id, rebuilds) an episode from cleaned articles and waits for it. */
export function buildFromArticles(
  ctx: PipelineContext,
  show: ShowConfig,
  articles: Article[],
  options: Omit<SubmitEpisodeRequest, 'show' | 'articles' | 'rebuild'>,
  onProgress: ProgressListener = noProgress,
): Promise<EpisodeRecord> {
  return untilBuilt(ctx, onProgress, async (runner) => {
    const { record } = await runner.submit({ ...options, show, articles, rebuild: true });
    return { showId: show.id, episodeId: record.id };
  });
}

/** Builds a settled episode's audio again from its stored (possibly edited) script and waits for it. */
export function rebuildEpisode(ctx: PipelineContext, show: ShowConfig, episodeId: string, onProgress: ProgressListener = noProgress): Promise<EpisodeRecord> {
  return untilBuilt(ctx, onProgress, async (runner) => {
    await runner.rebuild(show, episodeId);
    return { showId: show.id, episodeId };
  });
}

async function untilBuilt(
  ctx: PipelineContext,
  onProgress: ProgressListener,
  begin: (runner: EpisodeRunner) => Promise<{ showId: string; episodeId: string }>,
): Promise<EpisodeRecord> {
  let failure: BriefcastError | undefined;
  const runner = new EpisodeRunner(ctx, new EmbeddedExecutor(ctx, { concurrency: 1, onProgress, onFailure: (_ref, error) => (failure = error) }));
  const ref = await begin(runner);
  await runner.close();
  if (failure) throw failure;
  return new EpisodeStore(ctx.work).getEpisode(ref.showId, ref.episodeId);
}
