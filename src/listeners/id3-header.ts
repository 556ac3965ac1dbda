/**
 * A per-listener ID3v2.3 tag: title, show, author, an artwork link and
 * CTOC/CHAP chapters with exact times and byte offsets. The audio after it is
 * the cached pieces' frames untouched, so the tag is all that differs between
 * listeners. Text is UTF-16 with a BOM (v2.3 has no UTF-8).
 */
export interface HeaderChapter {
  title: string;
  startMs: number;
  endMs: number;
  /** Offsets from the start of the file (tag included). */
  startByte: number;
  endByte: number;
  url?: string;
}

export interface HeaderInput {
  title: string;
  album: string;
  artist: string;
  year?: string;
  artworkUrl?: string;
  chapters: HeaderChapter[];
}

const MAX_CHAPTERS = 255;

function frame(id: string, body: Buffer): Buffer {
  const head = Buffer.alloc(10);
  head.write(id, 0, 'latin1');
  head.writeUInt32BE(body.length, 4);
  return Buffer.concat([head, body]);
}

function utf16(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

function textFrame(id: string, text: string): Buffer {
  return frame(id, Buffer.concat([Buffer.from([0x01]), utf16(text)]));
}

/** WXXX: a user link with a description; URLs are Latin-1 by the spec. */
function linkFrame(description: string, url: string): Buffer {
  return frame('WXXX', Buffer.concat([Buffer.from([0x00]), Buffer.from(`${description}\0`, 'latin1'), Buffer.from(url, 'latin1')]));
}

function syncsafe(size: number): Buffer {
  return Buffer.from([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
}

function chapterFrame(index: number, chapter: HeaderChapter): Buffer {
  const times = Buffer.alloc(16);
  times.writeUInt32BE(chapter.startMs, 0);
  times.writeUInt32BE(chapter.endMs, 4);
  times.writeUInt32BE(chapter.startByte, 8);
  times.writeUInt32BE(chapter.endByte, 12);
  const sub = [textFrame('TIT2', chapter.title), ...(chapter.url ? [linkFrame('', chapter.url)] : [])];
  return frame('CHAP', Buffer.concat([Buffer.from(`ch${index}\0`, 'latin1'), times, ...sub]));
}

function tocFrame(count: number): Buffer {
  const ids = Array.from({ length: count }, (_, index) => Buffer.from(`ch${index}\0`, 'latin1'));
  // Flags: top-level (0x02) and ordered (0x01).
  return frame('CTOC', Buffer.concat([Buffer.from('toc\0', 'latin1'), Buffer.from([0x03, count]), ...ids]));
}

/** The tag bytes; chapter byte offsets must already include the tag's own length (see headerWithOffsets). */
export function buildId3Header(input: HeaderInput): Buffer {
  const chapters = input.chapters.slice(0, MAX_CHAPTERS);
  const frames = Buffer.concat([
    textFrame('TIT2', input.title),
    textFrame('TALB', input.album),
    textFrame('TPE1', input.artist),
    textFrame('TCON', 'Podcast'),
    ...(input.year ? [textFrame('TYER', input.year)] : []),
    ...(input.artworkUrl ? [linkFrame('artwork', input.artworkUrl)] : []),
    ...(chapters.length ? [tocFrame(chapters.length), ...chapters.map((chapter, index) => chapterFrame(index, chapter))] : []),
  ]);
  return Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from([0x03, 0x00, 0x00]), syncsafe(frames.length), frames]);
}

/**
 * Builds the tag with chapter byte offsets relative to the audio shifted by
 * the tag's length. Offsets are fixed-width fields, so the length does not
 * depend on their values and two passes are exact.
 */
export function headerWithOffsets(input: HeaderInput): Buffer {
  const length = buildId3Header(input).length;
  return buildId3Header({
    ...input,
    chapters: input.chapters.map((chapter) => ({ ...chapter, startByte: chapter.startByte + length, endByte: chapter.endByte + length })),
  });
}
