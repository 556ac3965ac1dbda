import type { PrepareOptions } from './episode-steps.js';
import type { ShowConfig } from '../config/show-config.js';
import type { EpisodeRecord } from '../core/episode.js';
import type { Article } from '../core/types.js';
import type { PipelineStage } from './progress.js';

/**
 * What producers (the HTTP API, schedules) drive episodes through. The
 * embedded runner builds them in this process; the distributed adapter hands
 * them to the BullMQ flows of src/queue. Callers never wait for the audio:
 * `submit` returns once the episode is recorded, and its status is read later.
 */
export interface SubmitEpisodeRequest {
  show: ShowConfig;
  /** Already ingested and cleaned. */
  articles: Article[];
  date: Date;
  episodeId?: string;
  writer?: string;
  /** Target length of this episode in minutes (default: the show's). */
  targetMinutes?: number;
  /** Voice name of the show's provider reading every segment (default: the show's cast). */
  voice?: string;
  /** Stop after the script, for a producer to review, edit and approve. */
  draft?: boolean;
}

/** The script-writing options of a request, as prepareEpisode takes them. */
export function scriptOptions(request: SubmitEpisodeRequest, episodeId: string): PrepareOptions {
  return {
    date: request.date,
    episodeId,
    ...(request.writer ? { writer: request.writer } : {}),
    ...(request.targetMinutes !== undefined ? { targetMinutes: request.targetMinutes } : {}),
    ...(request.voice ? { voice: request.voice } : {}),
  };
}

export interface SubmitResult {
  record: EpisodeRecord;
  /** False when the same episode already existed (queued, running, draft or published): nothing new started. */
  created: boolean;
}

/** Progress of one stage, for the API's per-stage view. */
export interface StageProgress {
  done: number;
  total: number;
}

export interface EpisodeStatusView {
  record: EpisodeRecord;
  /** Stages seen so far, in order; empty when the runner holds no live view (finished, or another process). */
  stages: Partial<Record<PipelineStage, StageProgress>>;
}

export type EpisodeEventType = 'episode.published' | 'episode.failed';

export interface EpisodeEvent {
  type: EpisodeEventType;
  show: ShowConfig;
  record: EpisodeRecord;
}

export type EpisodeEventListener = (event: EpisodeEvent) => void;

export interface EpisodeRunner {
  readonly mode: 'embedded' | 'distributed';
  submit(request: SubmitEpisodeRequest): Promise<SubmitResult>;
  /** Turns a draft into a published episode from its (possibly edited) script. */
  approve(show: ShowConfig, episodeId: string): Promise<EpisodeRecord>;
  status(showId: string, episodeId: string): Promise<EpisodeStatusView | null>;
  /** Published and failed episodes, for webhooks. Listeners must not throw. */
  onEvent(listener: EpisodeEventListener): void;
  /** Resolves when no episode is being built here (tests, shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}
