/**
 * The private URLs of a listener, all under /l/<token>/. The token is the
 * only credential: podcast apps fetch from their own servers, so the public
 * base URL must be reachable from the internet, and a leaked URL is fixed by
 * rotating the token.
 */
export function listenerUrls(publicUrl: string, token: string) {
  const base = `${publicUrl.replace(/\/+$/, '')}/l/${token}`;
  return {
    feed: `${base}/feed.xml`,
    settings: `${base}/settings`,
    audio: (day: string) => `${base}/${day}.mp3`,
    transcript: (day: string) => `${base}/${day}.vtt`,
    chapters: (day: string) => `${base}/${day}.chapters.json`,
  };
}
