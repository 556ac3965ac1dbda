import type { ScriptOrder } from '../pipeline/build-steps.js';
import type { EpisodeRef } from '../pipeline/episode-lifecycle.js';
import type { SegmentRenderRequest } from '../pipeline/render-segment.js';
import type { SegmentRenderResult } from '../pipeline/stitch-episode.js';

/**
 * One queue per kind of work, so each scales and is rate-limited on its own:
 * script writing is light, synthesis is CPU- or quota-bound, stitching runs
 * ffmpeg, publishing is short and serialised per show.
 */
export const QueueNames = {
  script: 'script',
  synthesise: 'synthesise',
  stitch: 'stitch',
  publish: 'publish',
} as const;

export type QueueName = (typeof QueueNames)[keyof typeof QueueNames];
export const allQueueNames: readonly QueueName[] = Object.values(QueueNames);

export enum JobName {
  WriteScript = 'write-script',
  SynthesiseSegment = 'synthesise-segment',
  StitchEpisode = 'stitch-episode',
  PublishEpisode = 'publish-episode',
  BuildListenerEpisodes = 'build-listener-episodes',
}

/** The queue each job runs on. */
export const jobQueue: Record<JobName, QueueName> = {
  [JobName.WriteScript]: QueueNames.script,
  [JobName.SynthesiseSegment]: QueueNames.synthesise,
  [JobName.StitchEpisode]: QueueNames.stitch,
  [JobName.PublishEpisode]: QueueNames.publish,
  // Short, storage-bound work beside publishing: no new queue for workers to serve.
  [JobName.BuildListenerEpisodes]: QueueNames.publish,
};

export type { EpisodeRef };

/**
 * What the build steps need to write the script (build-steps.ts). Jobs queued
 * before per-episode length, voice and draft moved onto the workers carry only
 * date, writer and useStoredScript, which mean the same here.
 */
export interface WriteScriptData extends EpisodeRef, ScriptOrder {}

export interface SynthesiseSegmentData extends EpisodeRef {
  /** Cache key of the requested voice; equal requests in one episode share one job. */
  cacheKey: string;
  /** Script segments sharing this audio (equal requests render once). */
  segmentIds: string[];
  request: SegmentRenderRequest;
  /** Distinct pieces in the episode, for "n of m" progress. */
  total: number;
}

export type StitchEpisodeData = EpisodeRef;
export type PublishEpisodeData = EpisodeRef;
/** One batch of a show's listeners to build the day's episodes for, from a published show episode. */
export interface BuildListenerEpisodesData extends EpisodeRef {
  listenerIds: string[];
  /** Records kept per listener (the feed's last N). */
  keep?: number;
}

export interface JobPayloads {
  [JobName.WriteScript]: WriteScriptData;
  [JobName.SynthesiseSegment]: SynthesiseSegmentData;
  [JobName.StitchEpisode]: StitchEpisodeData;
  [JobName.PublishEpisode]: PublishEpisodeData;
  [JobName.BuildListenerEpisodes]: BuildListenerEpisodesData;
}

export interface SynthesiseSegmentResult {
  segmentIds: string[];
  result: Omit<SegmentRenderResult, 'segmentId'>;
}

export interface JobResults {
  [JobName.WriteScript]: { segments: number; pieces: number };
  [JobName.SynthesiseSegment]: SynthesiseSegmentResult;
  [JobName.StitchEpisode]: { audioKey: string; durationSeconds: number };
  [JobName.PublishEpisode]: { status: string; audioUrl?: string };
  [JobName.BuildListenerEpisodes]: { built: number; skipped: number; unchanged: number; syntheses: number };
}

export function isJobName(name: string): name is JobName {
  return (Object.values(JobName) as string[]).includes(name);
}
