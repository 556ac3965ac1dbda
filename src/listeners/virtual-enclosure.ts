import { Readable } from 'node:stream';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { headerWithOffsets, type HeaderInput } from './id3-header.js';
import type { ListenerEpisode } from './listener-episode.js';
import type { PieceCache } from './piece-cache.js';

/**
 * A listener's MP3, assembled on request: the per-listener ID3 tag, then the
 * pinned pieces' frames. A byte range maps onto the tag and the pieces it
 * overlaps, so a seek reads only those pieces.
 */
export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

export function episodeHeaderInput(episode: ListenerEpisode): HeaderInput {
  return {
    title: episode.title,
    album: episode.album,
    artist: episode.artist,
    year: episode.day.slice(0, 4),
    ...(episode.artworkUrl ? { artworkUrl: episode.artworkUrl } : {}),
    chapters: episode.chapters.map((chapter) => ({
      title: chapter.title,
      startMs: Math.round(chapter.startSeconds * 1000),
      endMs: Math.round(chapter.endSeconds * 1000),
      startByte: chapter.startByte - episode.headerBytes,
      endByte: chapter.endByte - episode.headerBytes,
      ...(chapter.url ? { url: chapter.url } : {}),
    })),
  };
}

export function assembleEnclosure(episode: ListenerEpisode, header: Uint8Array, pieces: PieceCache, range?: ByteRange): Readable {
  if (header.length !== episode.headerBytes) {
    throw new BriefcastError(ErrorCodes.INTERNAL, 'listener episode header does not match its record', { subject: `${episode.listenerId}/${episode.day}` });
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? episode.totalBytes - 1;
  // The byte spans the file is made of: the tag, then each piece.
  const parts: Array<{ offset: number; length: number; read: () => Promise<Uint8Array> | Uint8Array }> = [
    { offset: 0, length: header.length, read: () => header },
  ];
  let offset = header.length;
  for (const piece of episode.pieces) {
    parts.push({ offset, length: piece.bytes, read: () => pieces.get(piece.key) });
    offset += piece.bytes;
  }
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (const part of parts) {
      const partEnd = part.offset + part.length - 1;
      if (partEnd < start || part.offset > end) continue;
      const data = await part.read();
      if (data.length !== part.length) {
        throw new BriefcastError(ErrorCodes.INTERNAL, 'a pinned piece changed length', { subject: `${episode.listenerId}/${episode.day}` });
      }
      yield data.subarray(Math.max(0, start - part.offset), Math.min(part.length, end - part.offset + 1));
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** The whole file in memory (materialising to storage, tests). */
export async function enclosureBytes(episode: ListenerEpisode, header: Uint8Array, pieces: PieceCache): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of assembleEnclosure(episode, header, pieces)) out.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(out);
}

export function buildEnclosureHeader(episode: ListenerEpisode): Buffer {
  return headerWithOffsets(episodeHeaderInput(episode));
}
