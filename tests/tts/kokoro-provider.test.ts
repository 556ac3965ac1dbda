import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDefaultProviders } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { ProviderRegistry } from '../../src/tts/provider-registry.js';
import { createKokoroProvider } from '../../src/tts/providers/kokoro.js';
import { createPhonemiser, splitClauses } from '../../src/tts/kokoro/phonemise.js';
import { chunkTokens, tokenise } from '../../src/tts/kokoro/tokenise.js';
import { ssmlParts } from '../../src/tts/kokoro/ssml-parts.js';
import { planSegment } from '../../src/tts/segment-plan.js';
import { renderSegment } from '../../src/pipeline/render-segment.js';
import { createTestContext } from './support/test-context.js';
import type { SpeechProvider } from '../../src/tts/speech-provider.js';
import { briefcastFailure } from '../support/briefcast-failure.js';
import { SAMPLES_PER_TOKEN, tinyKokoroFiles, tinyVocab, writeFolder } from './support/tiny-kokoro.js';

const vocab = new Map(Object.entries(tinyVocab()));

/** Bytes of 16-bit audio the generated graph returns for these token runs (each run gets two pad tokens). */
const expectedBytes = (runs: number[], speed = 1) => runs.reduce((sum, tokens) => sum + (tokens + 2) * Math.ceil(SAMPLES_PER_TOKEN / speed) * 2, 0);

describe('kokoro provider (generated stand-in graph, real onnxruntime-node and eSpeak NG)', () => {
  let root: string;
  let folder: string;
  let provider: SpeechProvider;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'kokoro-provider-'));
    folder = join(root, 'offline-kokoro');
    await writeFolder(folder, tinyKokoroFiles());
    provider = await createKokoroProvider({ dir: folder, phonemiser: 'cli' });
  });
  afterAll(async () => {
    await provider?.close?.();
    await rm(root, { recursive: true, force: true });
  });

  it('says to run the install command when the model is missing, and starts once it is there', async () => {
    const modelsDir = join(root, 'models');
    const registry = registerDefaultProviders(new ProviderRegistry(), loadConfig({ BRIEFCAST_MODELS_DIR: modelsDir }));
    const failure = await briefcastFailure(registry.get('kokoro'));
    expect(failure.code).toBe('MODEL_MISSING');
    expect(failure.toLine()).toContain('run "briefcast voices install kokoro"');
    expect(failure.subject).toBe(join(modelsDir, 'kokoro'));
    await writeFolder(join(modelsDir, 'kokoro'), tinyKokoroFiles());
    const started = await registry.get('kokoro');
    expect((await started.listVoices()).map((voice) => voice.name)).toEqual(['af_test', 'bm_test']);
    await registry.closeAll();
  });

  it('loads offline from BRIEFCAST_KOKORO_MODEL_DIR and lists the voice files with language and gender', async () => {
    const registry = registerDefaultProviders(new ProviderRegistry(), loadConfig({ BRIEFCAST_KOKORO_MODEL_DIR: folder, BRIEFCAST_MODELS_DIR: join(root, 'unused') }));
    const kokoro = await registry.get('kokoro');
    expect(await kokoro.listVoices()).toEqual([
      { name: 'af_test', language: 'en-us', gender: 'female', description: 'Kokoro voice test' },
      { name: 'bm_test', language: 'en-gb', gender: 'male', description: 'Kokoro voice test' },
    ]);
    expect(kokoro.engineId).toMatch(/^kokoro:model_quantized\.onnx@[0-9a-f]{12}\+onnxruntime-node@[\d.]+\+espeak-ng-/);
    await registry.closeAll();
  });

  it('synthesises through onnxruntime: one run of audio per token, longer text gives longer audio, speed reaches the graph', async () => {
    const phonemiser = await createPhonemiser({ engine: 'cli' });
    const tokensOf = async (text: string, language = 'en-us') => tokenise(await phonemiser.phonemise(text, language), vocab).ids.length;
    const short = 'Good morning.';
    const long = 'Good morning. Here is the news, read by a small model that the tests made themselves.';
    const a = await provider.synthesize({ text: short, voice: 'af_test', speed: 1 });
    expect(a).toMatchObject({ format: 'pcm_s16le', sampleRate: 24000 });
    expect(a.audio.byteLength).toBe(expectedBytes([await tokensOf(short)]));
    expect(new Int16Array(a.audio.buffer, a.audio.byteOffset, a.audio.byteLength / 2).some((sample) => Math.abs(sample) > 1000)).toBe(true);
    const b = await provider.synthesize({ text: long, voice: 'af_test', speed: 1 });
    expect(b.audio.byteLength).toBe(expectedBytes([await tokensOf(long)]));
    expect(b.audio.byteLength).toBeGreaterThan(a.audio.byteLength * 3);
    const fast = await provider.synthesize({ text: short, voice: 'af_test', speed: 2 });
    expect(fast.audio.byteLength).toBe(expectedBytes([await tokensOf(short)], 2));
    // Another voice file is another style vector, so other audio; the en-gb voice phonemises as British English.
    const british = await provider.synthesize({ text: short, voice: 'bm_test', speed: 1 });
    expect(british.audio.byteLength).toBe(expectedBytes([await tokensOf(short, 'en-gb')]));
    expect(Buffer.from(british.audio).equals(Buffer.from(a.audio))).toBe(false);
    await phonemiser.close();
  });

  it('cuts text over the 510-token context into runs at pauses', async () => {
    const sentence = 'The committee published its findings on the future of regional rail services today. ';
    const text = sentence.repeat(12);
    const phonemiser = await createPhonemiser({ engine: 'cli' });
    const ids = tokenise(await phonemiser.phonemise(text, 'en-us'), vocab).ids;
    await phonemiser.close();
    expect(ids.length).toBeGreaterThan(510);
    const breaks = new Set([' ', ',', '.'].map((symbol) => vocab.get(symbol)!));
    const runs = chunkTokens(ids, breaks).map((run) => run.length);
    expect(runs.length).toBeGreaterThan(1);
    expect(Math.max(...runs)).toBeLessThanOrEqual(510);
    const result = await provider.synthesize({ text, voice: 'af_test', speed: 1 });
    // Every run gets its own two pad tokens.
    expect(result.audio.byteLength).toBe(expectedBytes(runs));
  });

  it('speaks hostile text safely: control characters, a leading dash, shell metacharacters', async () => {
    const result = await provider.synthesize({ text: '-5 degrees\u0000\u0007 $(touch /tmp/kokoro-x); `rm -rf /` ") (system "x")', voice: 'af_test', speed: 1 });
    expect(result.audio.byteLength).toBeGreaterThan(0);
    const { existsSync } = await import('node:fs');
    expect(existsSync('/tmp/kokoro-x')).toBe(false);
  });

  it('refuses an unknown voice and text with nothing to say, with the voices it has', async () => {
    const unknown = await briefcastFailure(provider.synthesize({ text: 'Hello', voice: 'af_nobody', speed: 1 }));
    expect(unknown.code).toBe('VOICE_UNKNOWN');
    expect(unknown.message).toContain('af_test, bm_test');
    const hostileName = await briefcastFailure(provider.synthesize({ text: 'Hello', voice: '../../etc/passwd', speed: 1 }));
    expect(hostileName.code).toBe('VOICE_UNKNOWN');
  });

  it('uses the pronunciation lexicon: IPA goes straight to the model, a respelling is phonemised in place of the word', async () => {
    const registry = new ProviderRegistry().register('kokoro', () => provider);
    const narrator = { provider: 'kokoro', voice: 'af_test', speed: 1 };
    const withIpa = await planSegment(registry, { text: 'Nguyen spoke first.', lexicon: { Nguyen: { ipa: 'wɪn', say: 'Win' } } }, narrator);
    expect(withIpa.runs[0]!.chunks).toEqual([{ text: '<speak><phoneme alphabet="ipa" ph="wɪn">Nguyen</phoneme> spoke first.</speak>', ssml: true }]);
    const phonemiser = await createPhonemiser({ engine: 'cli' });
    const expectedIds = tokenise(`wɪn ${await phonemiser.phonemise('spoke first.', 'en-us')}`, vocab).ids.length;
    const nguyenIds = tokenise(await phonemiser.phonemise('Nguyen spoke first.', 'en-us'), vocab).ids.length;
    await phonemiser.close();
    expect(expectedIds).not.toBe(nguyenIds);
    const spokenIpa = await provider.synthesize({ text: withIpa.runs[0]!.chunks[0]!.text, ssml: true, voice: 'af_test', speed: 1 });
    expect(spokenIpa.audio.byteLength).toBe(expectedBytes([expectedIds]));

    const withSay = await planSegment(registry, { text: 'Nguyen spoke first.', lexicon: { Nguyen: { say: 'Win' } } }, narrator);
    const spokenSay = await provider.synthesize({ text: withSay.runs[0]!.chunks[0]!.text, ssml: true, voice: 'af_test', speed: 1 });
    const direct = await provider.synthesize({ text: 'Win spoke first.', voice: 'af_test', speed: 1 });
    expect(Buffer.from(spokenSay.audio).equals(Buffer.from(direct.audio))).toBe(true);
  });

  it('keeps the punctuation eSpeak NG drops, clause by clause', async () => {
    expect(splitClauses('Hello, world. "Really?" she asked — twice.')).toEqual([
      { head: '', words: 'Hello', tail: ', ' },
      { head: '', words: 'world', tail: '. ' },
      { head: '"', words: 'Really', tail: '?" ' },
      { head: '', words: 'she asked', tail: ' — ' },
      { head: '', words: 'twice', tail: '.' },
    ]);
    expect(splitClauses('3.5 per cent, U.K.')).toEqual([
      { head: '', words: '3.5 per cent', tail: ', ' },
      { head: '', words: 'U.K', tail: '.' },
    ]);
    const phonemiser = await createPhonemiser({ engine: 'cli' });
    expect(await phonemiser.phonemise('Yes, no.', 'en-us')).toMatch(/^\S+, \S+\.$/);
    await phonemiser.close();
  });

  it('reads the SSML subset it asks for: phonemes, aliases and escaped text', () => {
    expect(ssmlParts('<speak><phoneme alphabet="ipa" ph="ʃɐjˈɡu">Shoigu</phoneme> said &quot;no&quot; &amp; <sub alias="Nay-toe">Nato</sub> &lt;b&gt;.</speak>')).toEqual([
      { ipa: 'ʃɐjˈɡu' },
      { text: ' said "no" & Nay-toe <b>.' },
    ]);
    expect(ssmlParts('<speak><phoneme alphabet="x-sampa" ph="S">Sh</phoneme> &#233;t&#xE9;</speak>')).toEqual([{ text: 'Sh été' }]);
  });

  it('phonemises with the bundled eSpeak NG WASM build when the CLI is not used', async () => {
    const wasm = await createKokoroProvider({ dir: folder, phonemiser: 'wasm' });
    try {
      expect(wasm.engineId).toContain('+espeak-ng-wasm@');
      const result = await wasm.synthesize({ text: 'Good morning.', voice: 'af_test', speed: 1 });
      const cli = await provider.synthesize({ text: 'Good morning.', voice: 'af_test', speed: 1 });
      expect(result.audio.byteLength).toBe(cli.audio.byteLength);
    } finally {
      await wasm.close?.();
    }
  });

  it('renders a segment through the pipeline (real ffmpeg), cached on the second call', async () => {
    const registry = new ProviderRegistry().register('kokoro', () => provider);
    const { ctx, cleanup } = await createTestContext(registry);
    try {
      const text = 'Good morning. The council met on Tuesday.';
      const first = await renderSegment(ctx, { text, provider: 'kokoro', voice: 'af_test', speed: 1 });
      const pcm = await provider.synthesize({ text, voice: 'af_test', speed: 1 });
      // The piece lasts as long as the audio the graph returned (24 kHz, 2 bytes a sample), give or take the encoder's frame.
      expect(first.durationSeconds).toBeGreaterThan(pcm.audio.byteLength / 2 / 24000 - 0.1);
      expect(first.durationSeconds).toBeLessThan(pcm.audio.byteLength / 2 / 24000 + 0.2);
      expect(first).toMatchObject({ cached: false, provider: 'kokoro' });
      expect(await renderSegment(ctx, { text, provider: 'kokoro', voice: 'af_test', speed: 1 })).toMatchObject({ cached: true, cacheKey: first.cacheKey });
    } finally {
      await cleanup();
    }
  });
});
