import type { EpisodeFile, EpisodeRecord } from '../core/episode.js';
import { JSON_CHAPTERS_TYPE } from './json-chapters.js';

/**
 * The side files published beside each episode's audio: their kind (the key
 * in EpisodeRecord.files), file name and MIME type, in one table the
 * publisher and the feed builder share.
 */
export const EPISODE_FILES = {
  'transcript-vtt': { file: 'transcript.vtt', mimeType: 'text/vtt' },
  'transcript-srt': { file: 'transcript.srt', mimeType: 'application/x-subrip' },
  'transcript-text': { file: 'transcript.txt', mimeType: 'text/plain' },
  'chapters-json': { file: 'chapters.json', mimeType: JSON_CHAPTERS_TYPE },
} as const;

export type EpisodeFileKind = keyof typeof EPISODE_FILES;

export const TRANSCRIPT_KINDS = ['transcript-vtt', 'transcript-srt', 'transcript-text'] as const satisfies readonly EpisodeFileKind[];

export function episodeFile(episode: EpisodeRecord, kind: EpisodeFileKind): EpisodeFile | undefined {
  return episode.files?.[kind];
}
