import type { EpisodeRecord, EpisodeStatus } from '../core/episode.js';
import type { EpisodeStatusView, StageProgress } from './episode-runner.js';
import type { PipelineStage, ProgressListener } from './progress.js';

/** The record status a running stage shows as. */
const STAGE_STATUS: Record<PipelineStage, EpisodeStatus> = {
  ingest: 'queued',
  clean: 'queued',
  script: 'writing',
  synthesise: 'synthesising',
  stitch: 'stitching',
  publish: 'publishing',
};

interface Live {
  stages: Partial<Record<PipelineStage, StageProgress>>;
  current?: PipelineStage;
}

/**
 * Per-stage progress of the episodes this process is building, kept in memory.
 * Writing every segment's progress into the stored record would race with the
 * pipeline's own read-modify-write of that record, so the record is left to
 * the pipeline and this view is laid over it when read.
 */
export class LiveProgress {
  private readonly episodes = new Map<string, Live>();

  private key(showId: string, episodeId: string): string {
    return `${showId}/${episodeId}`;
  }

  start(showId: string, episodeId: string): void {
    this.episodes.set(this.key(showId, episodeId), { stages: {} });
  }

  has(showId: string, episodeId: string): boolean {
    return this.episodes.has(this.key(showId, episodeId));
  }

  finish(showId: string, episodeId: string): void {
    this.episodes.delete(this.key(showId, episodeId));
  }

  listener(showId: string, episodeId: string): ProgressListener {
    return (event) => {
      const live = this.episodes.get(this.key(showId, episodeId));
      if (!live) return;
      live.stages[event.stage] = { done: event.done, total: event.total };
      live.current = event.stage;
    };
  }

  view(record: EpisodeRecord): EpisodeStatusView {
    const live = this.episodes.get(this.key(record.showId, record.id));
    if (!live || !live.current) return { record, stages: live?.stages ?? {} };
    const progress = live.stages[live.current]!;
    const running = record.status !== 'published' && record.status !== 'failed' && record.status !== 'draft';
    if (!running) return { record, stages: live.stages };
    const status = STAGE_STATUS[live.current];
    return { record: { ...record, status, progress: { stage: status, ...progress } }, stages: live.stages };
  }
}
