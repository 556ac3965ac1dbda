import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import type { VoiceInfo } from '../speech-provider.js';

/** Kokoro's style vectors have 256 values; a voice file is one row per input length. */
export const STYLE_SIZE = 256;

export interface KokoroFolder {
  dir: string;
  modelPath: string;
  /** Phoneme (one or more characters) to token id, read from the folder's config or tokenizer file. */
  vocab: ReadonlyMap<string, number>;
  voices: VoiceInfo[];
}

// The graph names the exports use, most compact first.
const MODEL_CANDIDATES = ['onnx/model_quantized.onnx', 'onnx/model.onnx', 'model_quantized.onnx', 'model.onnx', 'kokoro-v1.0.onnx'];

const LANGUAGES: Record<string, string> = {
  a: 'en-us', b: 'en-gb', e: 'es', f: 'fr-fr', h: 'hi', i: 'it', j: 'ja', p: 'pt-br', z: 'cmn',
};

function missing(dir: string, what: string): BriefcastError {
  return new BriefcastError(ErrorCodes.MODEL_MISSING, `Kokoro model not installed (${what}); run "briefcast voices install kokoro", or set BRIEFCAST_KOKORO_MODEL_DIR to a folder that holds it`, {
    subject: dir,
  });
}

/** Finds the graph, vocabulary and voices in a model folder; a clear MODEL_MISSING error names what is absent. */
export async function openKokoroFolder(dir: string): Promise<KokoroFolder> {
  let modelPath: string | undefined;
  for (const candidate of MODEL_CANDIDATES) {
    if (await isFile(join(dir, candidate))) {
      modelPath = join(dir, candidate);
      break;
    }
  }
  if (!modelPath) throw missing(dir, `no ${MODEL_CANDIDATES[0]}`);
  const vocab = await readVocab(dir);
  const voices = await listVoiceFiles(dir);
  if (voices.length === 0) throw missing(dir, 'no voices/*.bin');
  return { dir, modelPath, vocab, voices };
}

/**
 * The vocabulary comes from the model's own files, never from this code: hexgrad's
 * config.json carries it as "vocab", the ONNX exports' tokenizer.json as "model.vocab".
 */
async function readVocab(dir: string): Promise<Map<string, number>> {
  for (const [file, pick] of [
    ['config.json', (json: Record<string, unknown>) => json.vocab],
    ['tokenizer.json', (json: Record<string, unknown>) => (json.model as Record<string, unknown> | undefined)?.vocab],
  ] as const) {
    const path = join(dir, file);
    if (!(await isFile(path))) continue;
    if ((await stat(path)).size > 4 * 1024 * 1024) throw invalid(path, 'larger than 4 MB');
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw invalid(path, (error as Error).message);
    }
    const table = pick(json);
    if (!table) continue;
    if (typeof table !== 'object' || Array.isArray(table)) throw invalid(path, 'vocab is not an object');
    const vocab = new Map<string, number>();
    for (const [symbol, id] of Object.entries(table)) {
      if (!Number.isInteger(id) || (id as number) < 0 || (id as number) > 100_000) throw invalid(path, `vocab entry "${symbol}" is not a token id`);
      vocab.set(symbol, id as number);
    }
    if (vocab.size === 0) throw invalid(path, 'vocab is empty');
    return vocab;
  }
  throw missing(dir, 'no config.json or tokenizer.json with a vocab');
}

function invalid(path: string, why: string): BriefcastError {
  return new BriefcastError(ErrorCodes.CONFIG_INVALID, `unreadable Kokoro vocabulary: ${why}`, { subject: path });
}

async function listVoiceFiles(dir: string): Promise<VoiceInfo[]> {
  let names: string[];
  try {
    names = await readdir(join(dir, 'voices'));
  } catch {
    return [];
  }
  const voices: VoiceInfo[] = [];
  for (const file of names.sort()) {
    const match = /^([a-z])([fm])_([a-z0-9]+)\.bin$/i.exec(file);
    if (!match) continue;
    const [, lang, sex, label] = match as unknown as [string, string, string, string];
    voices.push({
      name: file.slice(0, -4),
      language: LANGUAGES[lang.toLowerCase()] ?? 'und',
      gender: sex.toLowerCase() === 'f' ? 'female' : 'male',
      description: `Kokoro voice ${label}`,
    });
  }
  return voices;
}

/** The style row for an input of `tokens` phonemes (Kokoro picks the row by length). */
export async function readStyle(dir: string, voice: string, tokens: number): Promise<Float32Array> {
  if (!/^[a-z]{2}_[a-z0-9]+$/i.test(voice)) {
    throw new BriefcastError(ErrorCodes.VOICE_UNKNOWN, 'not a Kokoro voice name (e.g. af_heart)', { subject: voice });
  }
  const bytes = await readFile(join(dir, 'voices', `${voice}.bin`));
  const rowBytes = STYLE_SIZE * 4;
  if (bytes.byteLength < rowBytes || bytes.byteLength % rowBytes !== 0) {
    throw new BriefcastError(ErrorCodes.CONFIG_INVALID, `voice file is not a whole number of ${STYLE_SIZE}-value rows`, { subject: voice });
  }
  const rows = bytes.byteLength / rowBytes;
  const row = Math.min(Math.max(tokens, 0), rows - 1);
  const copy = new ArrayBuffer(rowBytes);
  new Uint8Array(copy).set(bytes.subarray(row * rowBytes, (row + 1) * rowBytes));
  // Voice files are little-endian float32, as every platform onnxruntime runs on.
  return new Float32Array(copy);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
