import { BriefcastError, ErrorCodes } from '../core/errors.js';

/** Leading bytes of formats people mistake for articles (PDF, images, archives, audio, executables). */
const MAGIC_NUMBERS: number[][] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX, EPUB
  [0x1f, 0x8b], // gzip
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x49, 0x44, 0x33], // ID3 (MP3)
  [0x4f, 0x67, 0x67, 0x53], // OggS
  [0x52, 0x49, 0x46, 0x46], // RIFF (WAV, WEBP)
  [0x66, 0x4c, 0x61, 0x43], // fLaC
  [0x42, 0x5a, 0x68], // bzip2
  [0xfd, 0x37, 0x7a, 0x58, 0x5a], // xz
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0xd0, 0xcf, 0x11, 0xe0], // OLE (old .doc)
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}

/** Which Unicode encoding a byte-order mark announces, if any. */
export function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return undefined;
}

/** NUL bytes never occur in text (outside UTF-16, which announces itself with a BOM). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (MAGIC_NUMBERS.some((magic) => startsWith(bytes, magic))) return true;
  const bom = bomEncoding(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') return false;
  const sample = bytes.subarray(0, 64 * 1024);
  return sample.includes(0);
}

/** Throws the input errors every byte source shares: binary content, then emptiness. */
export function assertTextual(bytes: Uint8Array, subject: string): void {
  if (looksBinary(bytes)) {
    throw new BriefcastError(ErrorCodes.INPUT_BINARY, 'binary content, not a text article', { subject });
  }
  // Cheap emptiness test on bytes: ASCII whitespace only (a BOM counts as nothing too).
  const body = bomEncoding(bytes) === 'utf-8' ? bytes.subarray(3) : bytes;
  if (body.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c)) {
    throw new BriefcastError(ErrorCodes.INPUT_EMPTY, 'the file is empty', { subject });
  }
}

/** Strict UTF-8 (or BOM-announced UTF-16): a text file in any other encoding is rejected, not garbled. */
export function decodeUtf8Strict(bytes: Uint8Array, subject: string): string {
  const encoding = bomEncoding(bytes) ?? 'utf-8';
  try {
    // TextDecoder drops the BOM itself.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (error) {
    throw new BriefcastError(ErrorCodes.INPUT_ENCODING, `not valid ${encoding.toUpperCase()} text`, { subject, cause: error });
  }
}

/** What windows-1252 puts at 0x80-0x9F (WHATWG Encoding); unassigned bytes keep their code point. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node 20's TextDecoder decodes every windows-1252 label (latin1, iso-8859-1...) as plain
 * ISO-8859-1, turning curly quotes into C1 controls; real text never contains those, so map them.
 */
function fixCp1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

export interface Decoder {
  encoding: string;
  decode(bytes: Uint8Array): string;
}

/** A decoder for a charset label, or undefined when the platform does not know it. */
export function decoderFor(label: string | undefined, fatal = false): Decoder | undefined {
  if (!label) return undefined;
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label.trim().toLowerCase(), { fatal });
  } catch {
    return undefined;
  }
  if (decoder.encoding !== 'windows-1252') return decoder;
  return { encoding: decoder.encoding, decode: (bytes) => fixCp1252(decoder.decode(bytes)) };
}

/** `<meta charset>` or `http-equiv` content type within the first bytes of an HTML document. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head);
  return match?.[1];
}

export interface DecodeHtmlOptions {
  /** Charset from the HTTP Content-Type header; wins over the document's own declaration. */
  declaredCharset?: string;
  /** Local files: undeclared bytes must be UTF-8, else INPUT_ENCODING with this subject. */
  strictSubject?: string;
}

/**
 * Decodes an HTML body: BOM, then the declared charset (HTTP header first, then meta),
 * then UTF-8, then windows-1252 (what browsers assume for undeclared legacy pages).
 */
export function decodeHtml(bytes: Uint8Array, options: DecodeHtmlOptions = {}): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const declared = decoderFor(options.declaredCharset) ?? decoderFor(sniffHtmlCharset(bytes));
  if (declared) return declared.decode(bytes);
  if (options.strictSubject !== undefined) return decodeUtf8Strict(bytes, options.strictSubject);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return (decoderFor('windows-1252') as Decoder).decode(bytes);
  }
}
