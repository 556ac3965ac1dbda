/**
 * Counts the frames of an MPEG audio file by walking frame headers. The
 * segment pieces are the encoder's raw frames (no tags, no Xing header), so
 * this is exact and costs a file read instead of an ffprobe process per piece.
 */
const BITRATES_KBPS: Record<string, number[]> = {
  // [version-layer]: index 1..14
  '1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2-3': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES: Record<number, number[]> = { 1: [44_100, 48_000, 32_000], 2: [22_050, 24_000, 16_000], 25: [11_025, 12_000, 8_000] };

export function countMp3Frames(bytes: Uint8Array): number {
  let frames = 0;
  forEachMp3Frame(bytes, () => (frames += 1));
  return frames;
}

/** A Layer III frame header, read off its first four bytes. */
export interface Mp3Frame {
  offset: number;
  length: number;
  /** 1 = MPEG-1, 2 = MPEG-2, 25 = MPEG-2.5. */
  version: 1 | 2 | 25;
  channels: 1 | 2;
  /** A 16-bit CRC follows the header. */
  crc: boolean;
}

/** Calls `visit` for every audio frame in order (not for a leading Xing/Info frame, which decoders skip too). */
export function forEachMp3Frame(bytes: Uint8Array, visit: (frame: Mp3Frame) => void): void {
  let offset = skipId3v2(bytes);
  let seenFirst = false;
  while (offset + 4 <= bytes.length) {
    const frame = mp3FrameAt(bytes, offset);
    if (!frame) {
      // Not a frame header: resynchronise on the next byte (tolerates a trailing tag or junk).
      offset += 1;
      continue;
    }
    if (seenFirst || !isInfoFrame(bytes, offset, frame.length)) visit(frame);
    seenFirst = true;
    offset += frame.length;
  }
}

function isInfoFrame(bytes: Uint8Array, offset: number, length: number): boolean {
  const text = Buffer.from(bytes.subarray(offset + 4, Math.min(offset + length, offset + 64))).toString('latin1');
  return text.includes('Xing') || text.includes('Info');
}

function skipId3v2(bytes: Uint8Array): number {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  // Syncsafe size: 7 bits per byte.
  const size = ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f);
  return 10 + size;
}

/** The Layer III frame starting at offset, or null when there is no valid header there. */
function mp3FrameAt(bytes: Uint8Array, offset: number): Mp3Frame | null {
  const b1 = bytes[offset]!;
  const b2 = bytes[offset + 1]!;
  const b3 = bytes[offset + 2]!;
  if (b1 !== 0xff || (b2 & 0xe0) !== 0xe0) return null;
  const versionBits = (b2 >> 3) & 0x03; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
  const layerBits = (b2 >> 1) & 0x03; // 1 = Layer III
  if (versionBits === 1 || layerBits !== 1) return null;
  const version = versionBits === 3 ? 1 : versionBits === 2 ? 2 : 25;
  const bitrate = BITRATES_KBPS[`${version === 1 ? 1 : 2}-3`]![(b3 >> 4) & 0x0f];
  const sampleRate = SAMPLE_RATES[version]![(b3 >> 2) & 0x03];
  if (!bitrate || !sampleRate) return null;
  const padding = (b3 >> 1) & 0x01;
  const coefficient = version === 1 ? 144 : 72;
  const length = Math.floor((coefficient * bitrate * 1000) / sampleRate) + padding;
  // Channel mode 3 is single channel; the protection bit is 0 when a CRC follows.
  return { offset, length, version, channels: bytes[offset + 3]! >> 6 === 3 ? 1 : 2, crc: (b2 & 0x01) === 0 };
}
