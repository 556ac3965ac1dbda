import type { EpisodeChapter, EpisodeSegmentInfo } from '../core/episode.js';
import type { ScriptSegment } from '../core/types.js';

/**
 * Where every piece goes on the episode timeline. Pure: offsets come from the
 * pieces' exact frame-based durations, so chapters and transcripts line up
 * with the audio to the frame (26 ms).
 */
export interface TimedPiece {
  cacheKey: string;
  durationSeconds: number;
}

export interface LaidOutSegment {
  segment: ScriptSegment;
  piece: TimedPiece;
  provider: string;
  voice: string;
  cached: boolean;
}

export interface LayoutInput {
  segments: LaidOutSegment[];
  /** Silence pieces by length in milliseconds. */
  silence: (milliseconds: number) => TimedPiece;
  pauses: { segmentMs: number; storyMs: number };
  music?: { intro?: TimedPiece; outro?: TimedPiece };
}

export interface EpisodeLayout {
  /** Pieces in playing order (segments, pauses, music). */
  pieces: TimedPiece[];
  segments: EpisodeSegmentInfo[];
  chapters: EpisodeChapter[];
  durationSeconds: number;
}

export function layoutEpisode(input: LayoutInput): EpisodeLayout {
  const pieces: TimedPiece[] = [];
  const segments: EpisodeSegmentInfo[] = [];
  let clock = 0;
  const append = (piece: TimedPiece) => {
    pieces.push(piece);
    clock += piece.durationSeconds;
  };

  if (input.music?.intro) append(input.music.intro);
  input.segments.forEach((entry, index) => {
    if (index > 0) {
      const previous = input.segments[index - 1]!.segment;
      const gap = previous.kind === 'story' ? input.pauses.storyMs : input.pauses.segmentMs;
      if (gap > 0) append(input.silence(gap));
    }
    segments.push({
      id: entry.segment.id,
      kind: entry.segment.kind,
      title: entry.segment.title,
      text: entry.segment.text,
      provider: entry.provider,
      voice: entry.voice,
      cacheKey: entry.piece.cacheKey,
      cached: entry.cached,
      startSeconds: clock,
      durationSeconds: entry.piece.durationSeconds,
    });
    append(entry.piece);
  });
  if (input.music?.outro) append(input.music.outro);

  return { pieces, segments, chapters: chaptersFor(input.segments, segments, clock), durationSeconds: clock };
}

/**
 * One chapter for the opening (music and intro), then one per story starting at
 * its headline; transitions belong to the chapter before them. Chapters are
 * contiguous and the last one ends with the audio.
 */
function chaptersFor(input: LaidOutSegment[], timed: EpisodeSegmentInfo[], total: number): EpisodeChapter[] {
  const starts: EpisodeChapter[] = [{ title: 'Headlines', startSeconds: 0, endSeconds: 0 }];
  timed.forEach((segment, index) => {
    if (segment.kind !== 'story') return;
    const url = input[index]!.segment.sources?.find((source) => source.url)?.url;
    starts.push({ title: segment.title ?? 'Story', startSeconds: segment.startSeconds, endSeconds: 0, ...(url ? { url } : {}) });
  });
  // Drop the opening chapter if a story starts at zero (no intro).
  const chapters = starts.filter((chapter, index) => !(index === 0 && starts[1]?.startSeconds === 0));
  return chapters.map((chapter, index) => ({ ...chapter, endSeconds: chapters[index + 1]?.startSeconds ?? total }));
}
