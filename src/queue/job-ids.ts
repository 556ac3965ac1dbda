import type { EpisodeRef } from './job-types.js';

/**
 * Job ids derive from content, so adding the same episode or segment twice
 * finds the existing job instead of doing the work again. BullMQ reserves ":"
 * in ids; show ids, episode ids and cache keys never contain one.
 */
const episodeKey = (ref: EpisodeRef) => `${ref.showId}.${ref.episodeId}`;

function episodeOf(jobId: string, suffix: string): EpisodeRef | null {
  const match = new RegExp(`^([a-z0-9][a-z0-9-]*)\\.(.+)\\.${suffix}$`).exec(jobId);
  return match ? { showId: match[1]!, episodeId: match[2]! } : null;
}

export const jobIds = {
  /** The flow's root: the episode as a whole. */
  publish: (ref: EpisodeRef) => `${episodeKey(ref)}.publish`,
  stitch: (ref: EpisodeRef) => `${episodeKey(ref)}.stitch`,
  script: (ref: EpisodeRef) => `${episodeKey(ref)}.script`,
  /** A draft's script job, a root of its own: distinct from the flow's, so approving the draft starts a fresh flow. */
  draft: (ref: EpisodeRef) => `${episodeKey(ref)}.draft`,
  /**
   * Scoped to the episode: BullMQ gives a job one parent, so a story shared by two
   * episodes gets a job in each; the segment cache makes the second one a cache hit.
   */
  segment: (ref: EpisodeRef, cacheKey: string) => `${episodeKey(ref)}.seg.${cacheKey}`,
  /** The episode a flow root's id names, or null for any other job id. */
  episodeOfPublish: (jobId: string): EpisodeRef | null => episodeOf(jobId, 'publish'),
  /** The episode a draft job's id names, or null for any other job id. */
  episodeOfDraft: (jobId: string): EpisodeRef | null => episodeOf(jobId, 'draft'),
};
