import type { ShowConfig } from '../config/show-config.js';
import type { EpisodeRecord } from '../core/episode.js';
import { EPISODE_FILES } from '../feed/episode-files.js';
import { PODCAST_GUID_NAMESPACE, uuidV5 } from '../feed/podcast-guid.js';
import { buildPodcastFeed } from '../feed/rss-feed.js';
import type { Listener } from './listener.js';
import type { ListenerEpisode } from './listener-episode.js';
import { listenerUrls } from './listener-urls.js';

export const DEFAULT_LISTENER_FEED_ITEMS = 10;

/** Stable across token rotations, distinct per listener. */
export function listenerPodcastGuid(listener: Pick<Listener, 'showId' | 'id'>): string {
  return uuidV5(`briefcast-listener/${listener.showId}/${listener.id}`, PODCAST_GUID_NAMESPACE);
}

/** A listener episode in the shape the show feed builder reads, with its private URLs. */
function asRecord(show: ShowConfig, episode: ListenerEpisode, urls: ReturnType<typeof listenerUrls>, audioUrl: string): EpisodeRecord {
  const file = (url: string, kind: keyof typeof EPISODE_FILES) => ({ key: '', url, mimeType: EPISODE_FILES[kind].mimeType });
  return {
    id: `${episode.listenerId}-${episode.day}`,
    showId: show.id,
    title: episode.title,
    date: episode.day,
    createdAt: episode.createdAt,
    updatedAt: episode.createdAt,
    publishedAt: episode.availableAt,
    status: 'published',
    description: episode.title,
    sources: [],
    audio: { key: '', url: audioUrl, bytes: episode.totalBytes, mimeType: 'audio/mpeg', durationSeconds: episode.durationSeconds, integratedLufs: 0, truePeakDbtp: 0, loudnessRangeLu: 0 },
    ...(episode.artworkUrl ? { artwork: { url: episode.artworkUrl } } : {}),
    chapters: episode.chapters,
    segments: [],
    files: { 'transcript-vtt': file(urls.transcript(episode.day), 'transcript-vtt'), 'chapters-json': file(urls.chapters(episode.day), 'chapters-json') },
  };
}

/**
 * The listener's private RSS feed: the show feed's builder (so it passes the
 * same feed tests), their last N episodes, `itunes:block` so directories never
 * list it, and a `podcast:guid` of their own.
 */
export function buildListenerFeed(
  show: ShowConfig,
  listener: Listener,
  episodes: ListenerEpisode[],
  options: { publicUrl: string; token: string; artworkUrl?: string; items: number; audioUrl?: (episode: ListenerEpisode) => string | undefined; now: Date },
): string {
  const urls = listenerUrls(options.publicUrl, options.token);
  const personal: ShowConfig = {
    ...show,
    title: listener.name ? `${show.title} for ${listener.name}` : show.title,
    feedMaxItems: options.items,
    podcastGuid: listenerPodcastGuid(listener),
  };
  // An episode appears at the listener's delivery time in their own time zone.
  const delivered = episodes.filter((episode) => new Date(episode.availableAt).getTime() <= options.now.getTime());
  const records = delivered.map((episode) => asRecord(show, episode, urls, options.audioUrl?.(episode) ?? urls.audio(episode.day)));
  const xml = buildPodcastFeed(personal, records, { feedUrl: urls.feed, siteUrl: urls.settings, ...(options.artworkUrl ? { artworkUrl: options.artworkUrl } : {}) }, options.now);
  return xml.replace(/<channel>/, '<channel>\n    <itunes:block>Yes</itunes:block>');
}
