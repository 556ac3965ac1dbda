/**
 * Problems a directory or smart speaker would reject a feed for, found while the
 * feed is built. They are warnings, never refusals: a feed on loopback for a
 * test listen is fine without artwork or HTTPS. Same shape as an episode
 * record's warnings, so callers can show both alike.
 */
export interface FeedWarning {
  code: string;
  message: string;
}

/** Apple requires itunes:image (and the W3C validator a channel image); without artwork the feed has neither. */
export function podcastFeedWarnings(show: { id: string }, artworkUrl: string | undefined): FeedWarning[] {
  if (artworkUrl) return [];
  return [
    {
      code: 'feed-no-artwork',
      message: `show "${show.id}" has no artwork: Apple Podcasts refuses feeds without itunes:image; set "artwork" to a square JPEG or PNG of 1400 to 3000 pixels`,
    },
  ];
}
