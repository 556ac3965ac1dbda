import { open } from 'node:fs/promises';

/**
 * ffmpeg's ID3v2.3 writer stores a "comment" tag as a user text frame
 * (TXXX:comment), which players and Apple ignore; the standard frame is COMM
 * (language, short description, text). This turns that one frame into a COMM
 * frame in place: COMM is always shorter than the TXXX it replaces, so the tag
 * keeps its size (the difference joins the padding) and the audio is not moved.
 */
const HEADER = 10;
/** Covers embedded in the tag are checked against Apple's limits upstream; this only bounds what is read. */
const MAX_TAG_BYTES = 64 * 1024 * 1024;

export async function commentFrameToComm(path: string): Promise<boolean> {
  const file = await open(path, 'r+');
  try {
    const header = Buffer.alloc(HEADER);
    await file.read(header, 0, HEADER, 0);
    if (header.toString('latin1', 0, 3) !== 'ID3' || header[3] !== 3 || (header[5]! & 0x80) !== 0) return false;
    const size = syncsafe(header, 6);
    if (size > MAX_TAG_BYTES) return false;
    const tag = Buffer.alloc(size);
    await file.read(tag, 0, size, HEADER);
    const rewritten = replaceCommentFrame(tag);
    if (!rewritten) return false;
    await file.write(rewritten, 0, rewritten.length, HEADER);
    return true;
  } finally {
    await file.close();
  }
}

/** The tag body with TXXX:comment as COMM and the bytes saved as padding; null when there is no such frame. */
export function replaceCommentFrame(tag: Buffer): Buffer | null {
  let offset = 0;
  while (offset + HEADER <= tag.length) {
    const id = tag.toString('latin1', offset, offset + 4);
    if (!/^[A-Z0-9]{4}$/.test(id)) break;
    const frameSize = tag.readUInt32BE(offset + 4);
    const body = tag.subarray(offset + HEADER, offset + HEADER + frameSize);
    if (id === 'TXXX') {
      const text = userText(body);
      if (text && text.description.toLowerCase() === 'comment') {
        const comm = commFrame(text.value);
        const out = Buffer.alloc(tag.length);
        tag.copy(out, 0, 0, offset);
        comm.copy(out, offset);
        tag.copy(out, offset + comm.length, offset + HEADER + frameSize);
        return out;
      }
    }
    offset += HEADER + frameSize;
  }
  return null;
}

function userText(body: Buffer): { description: string; value: string } | null {
  const encoding = body[0];
  const rest = body.subarray(1);
  if (encoding === 0) {
    const end = rest.indexOf(0);
    if (end < 0) return null;
    return { description: rest.toString('latin1', 0, end), value: rest.toString('latin1', end + 1).replace(/\0+$/, '') };
  }
  if (encoding === 1) {
    let end = 0;
    while (end + 1 < rest.length && !(rest[end] === 0 && rest[end + 1] === 0)) end += 2;
    return { description: utf16(rest.subarray(0, end)), value: utf16(rest.subarray(end + 2)).replace(/\0+$/, '') };
  }
  return null;
}

function utf16(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
  return bytes.toString('utf16le');
}

/** COMM: encoding, language "eng", empty short description, the text; Latin-1 when it fits, else UTF-16 with BOMs. */
function commFrame(value: string): Buffer {
  const latin = [...value].every((char) => char.charCodeAt(0) < 256);
  const bom = Buffer.from([0xff, 0xfe]);
  const body = latin
    ? Buffer.concat([Buffer.from([0]), Buffer.from('eng', 'latin1'), Buffer.from([0]), Buffer.from(value, 'latin1')])
    : Buffer.concat([Buffer.from([1]), Buffer.from('eng', 'latin1'), bom, Buffer.from([0, 0]), bom, Buffer.from(value, 'utf16le')]);
  const header = Buffer.alloc(HEADER);
  header.write('COMM', 0, 'latin1');
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

function syncsafe(bytes: Buffer, offset: number): number {
  return ((bytes[offset]! & 0x7f) << 21) | ((bytes[offset + 1]! & 0x7f) << 14) | ((bytes[offset + 2]! & 0x7f) << 7) | (bytes[offset + 3]! & 0x7f);
}
