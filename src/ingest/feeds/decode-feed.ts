import { bomEncoding, decoderFor, type Decoder } from '../decode.js';

/** The `encoding` of an XML declaration; the declaration itself is ASCII in every encoding we read. */
export function xmlDeclaredEncoding(body: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(body.subarray(0, 256));
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}

/**
 * Feed bytes to text: BOM, then the HTTP charset (RFC 7303 lets it override the document),
 * then the XML declaration, then UTF-8 if the bytes are valid UTF-8, else windows-1252,
 * the superset of ISO-8859-1 that undeclared legacy feeds are nearly always written in.
 */
export function decodeFeedBytes(body: Uint8Array, httpCharset?: string): string {
  const bom = bomEncoding(body);
  if (bom) return new TextDecoder(bom).decode(body);
  const declared = decoderFor(httpCharset) ?? decoderFor(xmlDeclaredEncoding(body));
  if (declared) return declared.decode(body);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return (decoderFor('windows-1252') as Decoder).decode(body);
  }
}
