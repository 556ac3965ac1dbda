import { open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import NodeID3 from 'node-id3';
import { BriefcastError, ErrorCodes } from '../core/errors.js';

export interface Id3Tags {
  title: string;
  artist: string;
  album: string;
  /** YYYY-MM-DD. */
  date: string;
  comment?: string;
  genre?: string;
}

export interface ChapterMark {
  title: string;
  startSeconds: number;
  endSeconds: number;
}

/**
 * Writes an episode MP3: an ID3v2.3 tag (title, show, date, comment, chapters
 * as CHAP frames under one ordered CTOC, cover art) followed by the pieces'
 * frames byte for byte. Pieces are bare CBR frames of one format, so joining
 * them is a file copy: no ffmpeg process, nothing decoded or re-encoded, and
 * chapter offsets are exact.
 */
export async function writeEpisodeFile(pieces: string[], output: string, tags: Id3Tags, chapters: ChapterMark[], coverPath?: string): Promise<void> {
  const tag = NodeID3.create({
    title: tags.title,
    artist: tags.artist,
    album: tags.album,
    ...yearAndDay(tags.date),
    ...(tags.genre ? { genre: tags.genre } : {}),
    ...(tags.comment ? { comment: { language: 'eng', text: tags.comment } } : {}),
    ...(coverPath ? { image: { mime: extname(coverPath) === '.png' ? 'image/png' : 'image/jpeg', type: { id: 3, name: 'front cover' }, description: 'Cover', imageBuffer: await readFile(coverPath) } } : {}),
    tableOfContents: [{ elementID: 'toc', isOrdered: true, elements: chapters.map((_, index) => `chp${index}`) }],
    chapter: chapters.map((chapter, index) => ({
      elementID: `chp${index}`,
      startTimeMs: Math.round(chapter.startSeconds * 1000),
      endTimeMs: Math.round(chapter.endSeconds * 1000),
      tags: { title: chapter.title },
    })),
  });
  const out = await open(output, 'w');
  try {
    await out.write(tag);
    // One piece in memory at a time (a few hundred kilobytes), whatever the episode's length.
    for (const piece of pieces) await out.write(await readFile(piece));
  } catch (error) {
    throw new BriefcastError(ErrorCodes.INTERNAL, 'could not write the episode file', { subject: output, cause: error });
  } finally {
    await out.close();
  }
}

/** ID3v2.3 keeps the year (TYER) and the day as DDMM (TDAT). */
function yearAndDay(date: string): { year?: string; date?: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return match ? { year: match[1]!, date: `${match[3]}${match[2]}` } : {};
}

