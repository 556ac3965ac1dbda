/** Which episodes a feed lists and how it names them; apart from rss-feed.ts, which loads feedsmith. */
import type { EpisodeRecord } from '../core/episode.js';
import type { ShowConfig } from '../config/show-config.js';

/** Stable across rebuilds of the same episode, so apps never list it twice. */
export function episodeGuid(show: ShowConfig, episode: EpisodeRecord): string {
  return `briefcast:${show.id}:${episode.id}`;
}

export function publishedNewestFirst(episodes: EpisodeRecord[]): EpisodeRecord[] {
  return episodes
    .filter((episode) => episode.status === 'published' && episode.audio)
    .sort((a, b) => (b.publishedAt ?? b.createdAt).localeCompare(a.publishedAt ?? a.createdAt) || b.id.localeCompare(a.id));
}
