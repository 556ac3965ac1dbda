import type { EpisodeSegmentInfo } from '../core/episode.js';

/**
 * Timed captions from the episode record. Segment offsets are exact (frame
 * counts of the stitched pieces), so cue times are only estimated inside a
 * segment, by characters spoken, and are exact at every segment boundary.
 */
export interface TranscriptCue {
  startSeconds: number;
  endSeconds: number;
  /** One or two lines, each at most `maxLineChars` (an over-long word is broken across lines). */
  lines: string[];
  /** Display name of the voice speaking, when the show names it. */
  speaker?: string;
  segmentId: string;
}

export interface CueOptions {
  maxLineChars: number;
  maxLines: number;
  /** Display name for a segment's voice, or undefined when the show does not name it. */
  speakerFor: (segment: EpisodeSegmentInfo) => string | undefined;
}

export const defaultCueOptions: CueOptions = { maxLineChars: 65, maxLines: 2, speakerFor: () => undefined };

export function buildCues(segments: EpisodeSegmentInfo[], options: Partial<CueOptions> = {}): TranscriptCue[] {
  const settings = { ...defaultCueOptions, ...options };
  return segments.flatMap((segment) => segmentCues(segment, settings));
}

function segmentCues(segment: EpisodeSegmentInfo, options: CueOptions): TranscriptCue[] {
  const blocks = splitIntoBlocks(segment.text, options.maxLineChars, options.maxLines);
  const weights = blocks.map((lines) => lines.join(' ').length);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const speaker = options.speakerFor(segment);
  const end = segment.startSeconds + segment.durationSeconds;
  let spoken = 0;
  return blocks.map((lines, index) => {
    const startSeconds = segment.startSeconds + (segment.durationSeconds * spoken) / total;
    spoken += weights[index]!;
    // The last cue ends exactly with the segment, not a rounding error before it.
    const endSeconds = index === blocks.length - 1 ? end : segment.startSeconds + (segment.durationSeconds * spoken) / total;
    return { startSeconds, endSeconds, lines, segmentId: segment.id, ...(speaker ? { speaker } : {}) };
  });
}

/**
 * Greedy line filling, one cue per `maxLines` lines. A sentence end closes the
 * cue when its first line is already full enough, so captions rarely straddle
 * two sentences.
 */
export function splitIntoBlocks(text: string, maxLineChars: number, maxLines: number): string[][] {
  const words = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => chunk(word, maxLineChars));
  const blocks: string[][] = [];
  let lines: string[] = [];
  let line = '';
  const closeLine = () => {
    if (line) lines.push(line);
    line = '';
  };
  const closeBlock = () => {
    closeLine();
    if (lines.length) blocks.push(lines);
    lines = [];
  };
  for (const word of words) {
    if (line && line.length + 1 + word.length > maxLineChars) {
      closeLine();
      if (lines.length >= maxLines) closeBlock();
    }
    line = line ? `${line} ${word}` : word;
    const sentenceEnd = /[.!?]["')\]]*$/.test(word);
    const filled = lines.reduce((sum, l) => sum + l.length, 0) + line.length;
    if (sentenceEnd && filled >= maxLineChars * 0.6) closeBlock();
  }
  closeBlock();
  return blocks;
}

/** Splits a word longer than a line (a URL, say) so no line overflows. */
function chunk(word: string, size: number): string[] {
  if (word.length <= size) return [word];
  const parts: string[] = [];
  for (let index = 0; index < word.length; index += size) parts.push(word.slice(index, index + size));
  return parts;
}

/** "HH:MM:SS.mmm" (WebVTT) or "HH:MM:SS,mmm" (SRT), rounded to the millisecond. */
export function formatTimestamp(seconds: number, decimalMark: '.' | ','): string {
  const totalMs = Math.max(0, Math.round(seconds * 1000));
  const ms = totalMs % 1000;
  const totalSeconds = Math.floor(totalMs / 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}${decimalMark}${pad(ms, 3)}`;
}
