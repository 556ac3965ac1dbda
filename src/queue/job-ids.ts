import type { EpisodeRef } from './job-types.js';

/**
 * Job ids derive from content, so adding the same episode or segment twice
 * finds the existing job instead of doing the work again. BullMQ reserves ":"
 * in ids; show ids, episode ids and cache keys never contain one.
 */
const episodeKey = (ref: EpisodeRef) => `${ref.showId}.${ref.episodeId}`;

export const jobIds = {
  /** The flow's root: the episode as a whole. */
  publish: (ref: EpisodeRef) => `${episodeKey(ref)}.publish`,
  stitch: (ref: EpisodeRef) => `${episodeKey(ref)}.stitch`,
  script: (ref: EpisodeRef) => `${episodeKey(ref)}.script`,
  /**
   * Scoped to the episode: BullMQ gives a job one parent, so a story shared by two
   * episodes gets a job in each; the segment cache makes the second one a cache hit.
   */
  segment: (ref: EpisodeRef, cacheKey: string) => `${episodeKey(ref)}.seg.${cacheKey}`,
  /** The episode a flow root's id names, or null for any other job id. */
  episodeOfPublish: (jobId: string): EpisodeRef | null => {
    const match = /^([a-z0-9][a-z0-9-]*)\.(.+)\.publish$/.exec(jobId);
    return match ? { showId: match[1]!, episodeId: match[2]! } : null;
  },
};
