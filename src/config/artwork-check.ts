import { readFile } from 'node:fs/promises';
import { imageSize } from 'image-size';
import { BriefcastError, ErrorCodes } from '../core/errors.js';

/**
 * Apple Podcasts (and most directories following it) refuse artwork that is
 * not a square JPEG or PNG between 1400 and 3000 pixels a side. Checking when
 * the show is configured turns a silent directory rejection into a clear error.
 */
export const ARTWORK_MIN_PIXELS = 1400;
export const ARTWORK_MAX_PIXELS = 3000;

export interface ArtworkInfo {
  width: number;
  height: number;
  type: 'jpg' | 'png';
  mimeType: 'image/jpeg' | 'image/png';
}

export function checkArtwork(bytes: Uint8Array, subject: string): ArtworkInfo {
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch (error) {
    throw invalid('artwork is not an image file Briefcast can read (use JPEG or PNG)', subject, error);
  }
  const type = size.type === 'jpg' ? 'jpg' : size.type === 'png' ? 'png' : undefined;
  if (!type) throw invalid(`artwork must be JPEG or PNG, not ${size.type ?? 'an unknown format'}`, subject);
  const { width = 0, height = 0 } = size;
  if (width !== height) throw invalid(`artwork must be square; it is ${width}x${height} pixels`, subject);
  if (width < ARTWORK_MIN_PIXELS || width > ARTWORK_MAX_PIXELS) {
    throw invalid(`artwork must be between ${ARTWORK_MIN_PIXELS} and ${ARTWORK_MAX_PIXELS} pixels a side; it is ${width}x${height}`, subject);
  }
  return { width, height, type, mimeType: type === 'png' ? 'image/png' : 'image/jpeg' };
}

/** Checks a local artwork file. */
export async function checkArtworkFile(path: string): Promise<ArtworkInfo> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw invalid('artwork file cannot be read', path, error);
  }
  return checkArtwork(bytes, path);
}

function invalid(message: string, subject: string, cause?: unknown): BriefcastError {
  return new BriefcastError(ErrorCodes.CONFIG_INVALID, message, { subject, ...(cause ? { cause } : {}) });
}

/**
 * The configuration-time check for a show: local artwork must pass before
 * anything is synthesised; remote artwork (an http(s) URL) is the host's to keep valid.
 */
export async function checkShowArtwork(show: { artwork?: string }): Promise<ArtworkInfo | undefined> {
  if (!show.artwork || /^https?:\/\//i.test(show.artwork)) return undefined;
  return checkArtworkFile(show.artwork);
}
