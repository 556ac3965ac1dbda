import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';

/**
 * The files `briefcast voices install kokoro` downloads, relative to a base URL.
 * A pin is the SHA-256 the publisher's host lists for the file (Hugging Face's "Git LFS
 * details" of the onnx-community export); a file without a published hash is pinned by
 * the hash of its first download (pins.json in the model folder).
 */
export interface ModelFile {
  /** Path below the base URL and below the model folder, e.g. "voices/af_bella.bin". */
  path: string;
  sha256?: string;
  /** Refuse a download larger than this (bounds a broken or hostile mirror). */
  maxBytes: number;
}

export interface ModelManifest {
  name: string;
  baseUrl: string;
  files: ModelFile[];
}

const MB = 1024 * 1024;

export const KOKORO_MANIFEST: ModelManifest = {
  name: 'kokoro',
  baseUrl: 'https://huggingface.co/onnx-community/Kokoro-82M-v1.0-ONNX/resolve/main/',
  files: [
    // 8-bit quantised graph, 92.4 MB: the variant kokoro-js uses on CPUs.
    { path: 'onnx/model_quantized.onnx', sha256: 'fbae9257e1e05ffc727e951ef9b9c98418e6d79f1c9b6b13bd59f5c9028a1478', maxBytes: 200 * MB },
    // The phoneme vocabulary (a small Git file, so no LFS hash is published), then the voices:
    // no hash for these was found in the publisher's metadata, so they are pinned on first download.
    { path: 'tokenizer.json', maxBytes: 1 * MB },
    { path: 'voices/af_bella.bin', maxBytes: 2 * MB },
    { path: 'voices/af_alloy.bin', maxBytes: 2 * MB },
    { path: 'voices/af_aoede.bin', maxBytes: 2 * MB },
    { path: 'voices/af_heart.bin', maxBytes: 2 * MB },
    { path: 'voices/am_michael.bin', maxBytes: 2 * MB },
    { path: 'voices/bf_emma.bin', maxBytes: 2 * MB },
    { path: 'voices/bm_george.bin', maxBytes: 2 * MB },
  ],
};

const manifestSchema = z.object({
  name: z.string().min(1).default('kokoro'),
  baseUrl: z.url().optional(),
  files: z
    .array(
      z.object({
        path: z.string().regex(/^(?!.*\.\.)[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'a relative path without ".."'),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits').optional(),
        maxBytes: z.number().int().min(1).max(4096 * MB).default(512 * MB),
      }),
    )
    .min(1)
    .max(500),
});

/** Reads an operator's manifest (BRIEFCAST_KOKORO_MANIFEST): a mirror with other files brings its own pins. */
export async function loadManifestFile(path: string, fallbackBaseUrl: string): Promise<ModelManifest> {
  let raw: unknown;
  try {
    const text = await readFile(path, 'utf8');
    if (text.length > 1024 * 1024) throw new Error('larger than 1 MB');
    raw = JSON.parse(text);
  } catch (error) {
    throw new BriefcastError(ErrorCodes.CONFIG_INVALID, `cannot read the model manifest: ${(error as Error).message}`, { subject: path });
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BriefcastError(ErrorCodes.CONFIG_INVALID, `model manifest ${issue.path.join('.')}: ${issue.message}`, { subject: path });
  }
  return { name: parsed.data.name, baseUrl: parsed.data.baseUrl ?? fallbackBaseUrl, files: parsed.data.files };
}
