import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertRecogniserInstalled, transcribe } from '../../scripts/lib/speech-check.js';
import { createEspeakProvider } from '../../src/tts/providers/espeak.js';
import type { SpeechProvider } from '../../src/tts/speech-provider.js';

/**
 * The npm-only path's engine (eSpeak NG built to WebAssembly, in a worker
 * thread). The calls below run in turn on one thread: the same text must give
 * the same audio after another text was spoken, and each must be heard as its own.
 */
const footbridge = 'The city council approved a new footbridge over the river on Tuesday evening.';
const library = 'The village library reopened on Saturday morning after repairs to its roof.';

let provider: SpeechProvider;
let dir: string;

beforeAll(async () => {
  await assertRecogniserInstalled();
  provider = await createEspeakProvider({ engine: 'wasm', threads: 1 });
  dir = await mkdtemp(join(tmpdir(), 'briefcast-espeak-wasm-'));
});
afterAll(async () => {
  await provider?.close?.();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function heard(audio: Uint8Array, name: string): Promise<string> {
  const path = join(dir, `${name}.wav`);
  await writeFile(path, audio);
  return transcribe(path);
}

describe('the eSpeak NG WebAssembly engine', () => {
  it('speaks each text in turn on one thread, with nothing carried over from the call before', async () => {
    const speak = async (text: string) => (await provider.synthesize({ text, voice: 'en-us', speed: 1 })).audio;
    const first = await speak(footbridge);
    const other = await speak(library);
    const again = await speak(footbridge);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(other).equals(Buffer.from(first))).toBe(false);
    // Real speech, each heard as its own text (pocketsphinx on short eSpeak NG clips catches a few words, always the same).
    expect(await heard(first, 'footbridge')).toMatch(/council approved/);
    expect(await heard(other, 'library')).toMatch(/opened on saturday/);
  }, 120_000);
});
