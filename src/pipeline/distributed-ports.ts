import type { ShowConfig } from '../config/show-config.js';
import type { EpisodeRecord } from '../core/episode.js';
import type { Article } from '../core/types.js';

/**
 * What the distributed runner needs from the queue layer, so that this folder
 * names no queue library: src/queue implements both ports with BullMQ and
 * src/producer.ts wires them in.
 */
export interface FlowEpisodeRef {
  showId: string;
  episodeId: string;
}

export interface FlowEnqueueRequest {
  show: ShowConfig;
  /** Ingested and cleaned articles: the enqueuer reads local files and URLs, workers read storage. */
  articles: Article[];
  date: Date;
  episodeId?: string;
  writer?: string;
}

export interface FlowEnqueueResult extends FlowEpisodeRef {
  /** False when the episode was already queued, running or published: nothing new was added. */
  added: boolean;
  record: EpisodeRecord;
}

/** Submits episodes as flows that workers run, and reads their status. */
export interface EpisodeFlowQueue {
  enqueue(request: FlowEnqueueRequest): Promise<FlowEnqueueResult>;
  /** An episode whose script is already stored: its flow makes the audio from it. */
  enqueueWritten(show: ShowConfig, episodeId: string, date: Date): Promise<FlowEnqueueResult>;
  status(ref: FlowEpisodeRef): Promise<EpisodeRecord | null>;
}

export type FlowOutcome = 'published' | 'failed';

/** Tells every producer process when an episode's flow has finished, whichever worker ran it. */
export interface FinishedFlowFeed {
  start(listener: (ref: FlowEpisodeRef, outcome: FlowOutcome) => void): Promise<void>;
  close(): Promise<void>;
}
