import type { ShowConfig } from '../config/show-config.js';
import { isBriefcastError, ErrorCodes, toBriefcastError } from '../core/errors.js';
import type { IngestOptions } from '../ingest/index.js';
import type { PipelineContext } from '../pipeline/context.js';
import type { EpisodeRunner } from '../pipeline/episode-runner.js';
import { EpisodeStore } from '../pipeline/episode-store.js';
import { gatherFeedStories } from './feed-stories.js';

export type BriefingOutcome =
  | { kind: 'submitted'; episodeId: string; stories: number; created: boolean }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; code: string; reason: string };

export interface BriefingDeps {
  ctx: PipelineContext;
  runner: EpisodeRunner;
  ingest: Partial<IngestOptions>;
}

/**
 * One tick of a show's schedule: its feeds' newest untold stories become an
 * episode. Reads the show fresh from storage, so an edited schedule applies
 * from the next tick. Never throws: the outcome says what happened.
 */
export async function runScheduledBriefing(deps: BriefingDeps, showId: string, tick: Date): Promise<BriefingOutcome> {
  const log = deps.ctx.logger.child({ showId, tick: tick.toISOString() });
  let show: ShowConfig;
  try {
    show = await new EpisodeStore(deps.ctx.work).getShow(showId);
  } catch (error) {
    return { kind: 'skipped', reason: toBriefcastError(error).toLine() };
  }
  const schedule = show.schedule;
  if (!schedule) return { kind: 'skipped', reason: 'the show has no schedule' };
  try {
    const stories = await gatherFeedStories(deps.ctx, show.id, schedule.feeds, schedule.stories, deps.ingest);
    for (const failed of stories.failedFeeds) log.warn(failed, 'feed unreadable this tick');
    const { record, created } = await deps.runner.submit({
      show,
      articles: stories.articles,
      date: tick,
      ...(schedule.targetMinutes !== undefined ? { targetMinutes: schedule.targetMinutes } : {}),
      draft: schedule.draft,
    });
    log.info({ episodeId: record.id, stories: stories.articles.length, fromDescription: stories.fromDescription }, 'scheduled briefing submitted');
    return { kind: 'submitted', episodeId: record.id, stories: stories.articles.length, created };
  } catch (error) {
    if (isBriefcastError(error, ErrorCodes.INPUT_EMPTY)) {
      log.info('no new stories; no briefing this tick');
      return { kind: 'skipped', reason: error.message };
    }
    const failure = toBriefcastError(error);
    log.warn({ code: failure.code, err: failure }, 'scheduled briefing failed');
    return { kind: 'failed', code: failure.code, reason: failure.toLine() };
  }
}
