import { z } from 'zod';

/**
 * One listener's episode of one day: everything serving needs, so a request
 * does no planning and reads no script. Pieces are pinned by cache key (their
 * bytes never change under a key), chapters carry exact offsets, and the
 * story texts stay in the show's episode record (transcripts are assembled
 * from it), which keeps this record to a few kilobytes.
 */
const chapterSchema = z.object({
  title: z.string(),
  startSeconds: z.number(),
  endSeconds: z.number(),
  url: z.string().optional(),
  /** Offsets in the served file, header included (ID3 CHAP byte offsets). */
  startByte: z.number().int(),
  endByte: z.number().int(),
});

const partSchema = z.object({
  kind: z.enum(['greeting', 'intro', 'story', 'outro']),
  /** The show episode's segment id, for stories (their text lives in that record). */
  segmentId: z.string().optional(),
  /** Spoken text of the personal parts (greeting, intro, outro). */
  text: z.string().optional(),
  title: z.string().optional(),
  startSeconds: z.number(),
  durationSeconds: z.number(),
});

export const listenerEpisodeSchema = z.object({
  version: z.literal(1),
  showId: z.string(),
  listenerId: z.string(),
  /** ISO day; also the episode's id in the listener's feed. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  showEpisodeId: z.string(),
  title: z.string(),
  /** Show title and author, as written into the ID3 tag (so serving reads no show file). */
  album: z.string(),
  artist: z.string(),
  artworkUrl: z.string().optional(),
  createdAt: z.string(),
  /** When the episode appears in the feed: the listener's delivery time on that day in their zone, or the build time if later. */
  availableAt: z.string(),
  /** Cache keys in playing order, with their byte lengths. */
  pieces: z.array(z.object({ key: z.string(), bytes: z.number().int().positive() })),
  parts: z.array(partSchema),
  chapters: z.array(chapterSchema),
  headerBytes: z.number().int().positive(),
  totalBytes: z.number().int().positive(),
  durationSeconds: z.number().positive(),
  etag: z.string(),
  /** Publish-storage key when the operator materialises enclosures (for a CDN). */
  materialisedKey: z.string().optional(),
});

export type ListenerEpisode = z.infer<typeof listenerEpisodeSchema>;
export type ListenerChapter = z.infer<typeof chapterSchema>;
export type ListenerPart = z.infer<typeof partSchema>;
