import { contentHash } from '../core/hash.js';
import type { EpisodeEvent } from '../pipeline/episode-runner.js';

/** The JSON body of one webhook delivery; built once, so every retry sends the very same bytes. */
export interface WebhookDelivery {
  /** Stable per event and endpoint: receivers deduplicate on it. */
  id: string;
  showId: string;
  event: EpisodeEvent['type'];
  url: string;
  body: string;
}

export function buildDeliveries(event: EpisodeEvent, feedUrl: string, now: Date): WebhookDelivery[] {
  const { show, record } = event;
  const endpoints = (show.webhooks?.endpoints ?? []).filter((endpoint) => endpoint.events.includes(event.type));
  const payload = {
    event: event.type,
    createdAt: now.toISOString(),
    show: { id: show.id, title: show.title, feedUrl },
    episode: {
      id: record.id,
      title: record.title,
      status: record.status,
      date: record.date,
      ...(record.publishedAt ? { publishedAt: record.publishedAt } : {}),
      ...(record.audio ? { audioUrl: record.audio.url, durationSeconds: record.audio.durationSeconds } : {}),
      ...(record.error ? { error: record.error } : {}),
    },
  };
  // A publish step that runs twice (its lock lost) must not make a second event: a
  // publication is identified by its first publishedAt, which a rerun keeps.
  const occurrence = event.type === 'episode.published' ? (record.publishedAt ?? record.updatedAt) : record.updatedAt;
  return endpoints.map((endpoint) => {
    const id = contentHash(`${show.id}|${record.id}|${event.type}|${occurrence}|${endpoint.url}`, 24);
    return { id, showId: show.id, event: event.type, url: endpoint.url, body: JSON.stringify({ id, ...payload }) };
  });
}
