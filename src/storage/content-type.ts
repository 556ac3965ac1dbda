import { extname } from 'node:path';

const TYPES: Record<string, string> = {
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
  '.xml': 'application/rss+xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.srt': 'application/x-subrip; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

/** Served as the feed's podcast:chapters type attribute says, so clients that check the header accept it. */
const CHAPTERS_TYPE = 'application/json+chapters';

export function contentTypeFor(key: string): string {
  if (key.toLowerCase().endsWith('chapters.json')) return CHAPTERS_TYPE;
  return TYPES[extname(key).toLowerCase()] ?? 'application/octet-stream';
}

/** Audio and artwork never change under a key; feeds and records do. */
export function cacheControlFor(key: string): string {
  const ext = extname(key).toLowerCase();
  if (ext === '.mp3' || ext === '.m4a' || ext === '.jpg' || ext === '.jpeg' || ext === '.png') {
    return 'public, max-age=31536000, immutable';
  }
  return 'public, max-age=300';
}
