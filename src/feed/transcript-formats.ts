import type { EpisodeSegmentInfo } from '../core/episode.js';
import { formatTimestamp, type TranscriptCue } from './transcript-cues.js';

/** The three transcript files an episode publishes, written from the same cues. */

/** WebVTT: `<v Name>` voice spans when the show names its voices; text escaped as the spec requires. */
export function toWebVtt(cues: TranscriptCue[]): string {
  const blocks = cues.map((cue, index) => {
    const timing = `${formatTimestamp(cue.startSeconds, '.')} --> ${formatTimestamp(cue.endSeconds, '.')}`;
    const text = cue.lines.map(escapeVttText).join('\n');
    const voice = cue.speaker ? `<v ${escapeVttAnnotation(cue.speaker)}>` : '';
    return `${index + 1}\n${timing}\n${voice}${text}`;
  });
  return `${['WEBVTT', ...blocks].join('\n\n')}\n`;
}

/** SubRip: numbered cues with comma decimal marks; speaker names are not part of the format. */
export function toSrt(cues: TranscriptCue[]): string {
  return cues
    .map((cue, index) => {
      const timing = `${formatTimestamp(cue.startSeconds, ',')} --> ${formatTimestamp(cue.endSeconds, ',')}`;
      return `${index + 1}\n${timing}\n${cue.lines.join('\n')}\n`;
    })
    .join('\n');
}

/** Plain text for reading and search: one paragraph per segment, story headlines above their story. */
export function toPlainTranscript(title: string, segments: EpisodeSegmentInfo[], speakerFor: (segment: EpisodeSegmentInfo) => string | undefined): string {
  const paragraphs = segments.map((segment) => {
    const speaker = speakerFor(segment);
    const text = `${speaker ? `${oneLine(speaker)}: ` : ''}${oneLine(segment.text)}`;
    return segment.kind === 'story' && segment.title ? `${oneLine(segment.title)}\n${text}` : text;
  });
  return `${[oneLine(title), ...paragraphs].join('\n\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeVttText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Annotations end at '>' and may not hold line breaks; '<' is allowed there and left alone for older parsers. */
function escapeVttAnnotation(text: string): string {
  return oneLine(text).replace(/&/g, '&amp;').replace(/>/g, '&gt;');
}
