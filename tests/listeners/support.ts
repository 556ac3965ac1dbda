/** MPEG-1/2 Layer III frames of a file, without an ID3v2 tag and without a leading Xing/Info frame. */
const BITRATES: Record<number, number[]> = {
  1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const RATES: Record<number, number[]> = { 1: [44_100, 48_000, 32_000], 2: [22_050, 24_000, 16_000] };

export function id3Length(bytes: Uint8Array): number {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  return 10 + (((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f));
}

export function audioFrames(bytes: Uint8Array): Buffer[] {
  const frames: Buffer[] = [];
  let offset = id3Length(bytes);
  while (offset + 4 <= bytes.length) {
    const b2 = bytes[offset + 1]!;
    const b3 = bytes[offset + 2]!;
    if (bytes[offset] !== 0xff || (b2 & 0xe0) !== 0xe0) throw new Error(`no frame header at ${offset}`);
    const version = ((b2 >> 3) & 0x03) === 3 ? 1 : 2;
    const length = Math.floor(((version === 1 ? 144 : 72) * BITRATES[version]![(b3 >> 4) & 0x0f]! * 1000) / RATES[version]![(b3 >> 2) & 0x03]!) + ((b3 >> 1) & 1);
    const frame = Buffer.from(bytes.subarray(offset, offset + length));
    const text = frame.subarray(4, 64).toString('latin1');
    if (!(frames.length === 0 && (text.includes('Xing') || text.includes('Info')))) frames.push(frame);
    offset += length;
  }
  return frames;
}
