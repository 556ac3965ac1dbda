import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderRegistry } from '../../src/tts/provider-registry.js';
import { createEspeakProvider } from '../../src/tts/providers/espeak.js';
import { createFestivalProvider } from '../../src/tts/providers/festival.js';
import { createEngineRunner } from '../../src/tts/providers/local-engine-run.js';
import { speakableLatinText } from '../../src/tts/providers/speakable-text.js';
import { planSegment } from '../../src/tts/segment-plan.js';
import { renderSegment } from '../../src/pipeline/render-segment.js';
import type { SpeechProvider } from '../../src/tts/speech-provider.js';
import { briefcastFailure } from '../support/briefcast-failure.js';
import { createTestContext } from './support/test-context.js';

// CI installs festival, festvox-us-slt-hts and festvox-kallpc16k (.ci/run): a missing engine fails here, never skips.
let festival: SpeechProvider;
let dir: string;
beforeAll(async () => {
  festival = await createFestivalProvider();
  dir = await mkdtemp(join(tmpdir(), 'festival-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function wavSeconds(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes);
  return (buffer.byteLength - 44) / (buffer.readUInt32LE(24) * 2);
}

/** A stand-in text2wave: a real executable whose behaviour (hang, crash) the test chooses, counting its runs. */
async function fakeText2wave(name: string, body: string): Promise<{ path: string; runs: () => Promise<number> }> {
  const path = join(dir, name);
  const counter = join(dir, `${name}.runs`);
  await writeFile(path, `#!/bin/sh\necho run >> '${counter}'\n${body}\n`);
  await chmod(path, 0o755);
  return { path, runs: async () => (await readFile(counter, 'utf8').catch(() => '')).split('\n').filter(Boolean).length };
}

describe('Festival provider (Debian festival + HTS voice)', () => {
  it('lists the installed voices, the HTS voice with its language', async () => {
    expect(festival.engineId).toMatch(/^festival@\d/);
    const voices = await festival.listVoices();
    expect(voices).toContainEqual(expect.objectContaining({ name: 'cmu_us_slt_arctic_hts', language: 'en-us', gender: 'female' }));
    expect(voices.map((voice) => voice.name)).toContain('kal_diphone');
  });

  it('speaks with the HTS voice at 32 kHz, faster when asked', async () => {
    const text = 'Good morning. The council approved a new footbridge over the river.';
    const normal = await festival.synthesize({ text, voice: 'cmu_us_slt_arctic_hts', speed: 1 });
    const fast = await festival.synthesize({ text, voice: 'cmu_us_slt_arctic_hts', speed: 1.5 });
    expect(Buffer.from(normal.audio).readUInt32LE(24)).toBe(32_000);
    expect(wavSeconds(normal.audio)).toBeGreaterThan(2);
    expect(wavSeconds(fast.audio)).toBeLessThan(wavSeconds(normal.audio) * 0.85);
  });

  it('never evaluates article text as Scheme or shell', async () => {
    const marker = join(dir, 'pwned');
    const hostile = [
      `") (system "touch ${marker}") ("`,
      `(system "touch ${marker}")`,
      `$(touch ${marker}) \`touch ${marker}\`; touch ${marker} | touch ${marker} && touch ${marker}`,
      `'; (system "touch ${marker}") ; "\\") (quit)`,
    ];
    for (const text of hostile) {
      const result = await festival.synthesize({ text, voice: 'kal_diphone', speed: 1 });
      expect(result.audio.byteLength).toBeGreaterThan(44);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses a voice that is not installed, and one whose name could carry Scheme', async () => {
    for (const voice of ['no_such_voice', 'kal_diphone) (system "id"']) {
      const error = await briefcastFailure(festival.synthesize({ text: 'Hello.', voice, speed: 1 }));
      expect(error.code).toBe('VOICE_UNKNOWN');
      expect(error.message).toMatch(/installed: .*cmu_us_slt_arctic_hts/);
    }
  });

  it('speaks or skips control characters, a 100,000-letter word and mixed scripts, within a coarse bound', async () => {
    const started = Date.now();
    const awkward = [
      'Markets\u0000 rose\u0007 today\u001b[31m. Nothing\u200b else\u202e happened.',
      `Prices ${'a'.repeat(100_000)} rose.`,
      'Kyiv said Київ, Tokyo said 東京, and Cairo said القاهرة. 🎧🎧',
      '\u0000\u0001 🎧 ... ---',
    ];
    for (const text of awkward) {
      const result = await festival.synthesize({ text, voice: 'cmu_us_slt_arctic_hts', speed: 1 });
      expect(result.format).toBe('wav');
      expect(result.audio.byteLength).toBeGreaterThan(44);
    }
    expect(speakableLatinText(awkward[1]!)).toBe('Prices rose.');
    expect(speakableLatinText(awkward[2]!)).toBe('Kyiv said , Tokyo said , and Cairo said .');
    // Only a hang breaks this: the 100,000-letter word is skipped, not spelt.
    expect(Date.now() - started).toBeLessThan(120_000);
  });

  it('reads the lexicon respelling (Festival takes plain text, no SSML)', async () => {
    const providers = new ProviderRegistry().register('festival', () => festival);
    const plan = await planSegment(
      providers,
      { text: 'Shoigu left the ministry.', kind: 'story', lexicon: { Shoigu: { ipa: 'ʃɐjˈɡu', say: 'Shoy-goo' } } },
      { provider: 'festival', voice: 'cmu_us_slt_arctic_hts', speed: 1 },
    );
    expect(plan.runs[0]!.chunks).toEqual([{ text: 'Shoy-goo left the ministry.', ssml: false }]);
    expect(plan.keyMaterial).toMatchObject({ engine: festival.engineId, provider: 'festival', voice: 'cmu_us_slt_arctic_hts' });
  });
});

describe('offline engine runs: timeouts, one retry, then the fallback voice', () => {
  it('kills an engine that hangs after a limit derived from the text length, and tries once more', async () => {
    const hanging = await fakeText2wave('hang', 'sleep 60');
    const runner = createEngineRunner({ baseTimeoutMs: 300, perCharacterMs: 1 });
    expect(runner.timeoutFor(1000)).toBe(1300);
    const started = Date.now();
    const error = await briefcastFailure(runner.run({ binary: hanging.path, args: [], textLength: 10, label: 'festival (test)' }));
    expect(error.code).toBe('TTS_FAILED');
    expect(error.message).toMatch(/festival \(test\) did not finish within/);
    expect(await hanging.runs()).toBe(2);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('retries a crash once and succeeds when the second run works', async () => {
    const flag = join(dir, 'crashed-once');
    const flaky = await fakeText2wave('flaky', `if [ ! -e '${flag}' ]; then touch '${flag}'; kill -SEGV $$; fi\nexit 0`);
    const runner = createEngineRunner({ baseTimeoutMs: 5000 });
    await runner.run({ binary: flaky.path, args: [], textLength: 5, label: 'flaky' });
    expect(await flaky.runs()).toBe(2);
  });

  it('hands the segment to the fallback voice after the retry, and the result says who spoke', async () => {
    const crashing = await fakeText2wave('crash', 'exit 3');
    const providers = new ProviderRegistry()
      .register('festival', () => createFestivalProvider({ text2wave: crashing.path, runner: { baseTimeoutMs: 5000 } }))
      .register('espeak', () => createEspeakProvider({ engine: 'auto', threads: 1 }));
    const { ctx, cleanup } = await createTestContext(providers);
    try {
      const rendered = await renderSegment(ctx, {
        text: 'The bridge opens in spring.',
        provider: 'festival',
        voice: 'cmu_us_slt_arctic_hts',
        speed: 1,
        fallback: [{ provider: 'espeak', voice: 'en-us', speed: 1 }],
      });
      expect(rendered).toMatchObject({ provider: 'espeak', voice: 'en-us', cached: false });
      expect(await crashing.runs()).toBe(2);
    } finally {
      await providers.closeAll();
      await cleanup();
    }
  });

  it('fails clearly, naming the engine, on a machine without it (no fallback): not retryable', async () => {
    const providers = new ProviderRegistry().register('festival', () => createFestivalProvider({ festival: join(dir, 'no-festival') }));
    const { ctx, cleanup } = await createTestContext(providers);
    try {
      const error = await briefcastFailure(renderSegment(ctx, { text: 'Hello.', provider: 'festival', voice: 'cmu_us_slt_arctic_hts', speed: 1 }));
      expect(error.code).toBe('PROVIDER_UNKNOWN');
      expect(error.retryable).toBe(false);
      expect(error.toLine()).toMatch(/festival not found; install it \(apt-get install festival festvox-us-slt-hts\)/);
    } finally {
      await cleanup();
    }
    expect((await stat(dir)).isDirectory()).toBe(true);
  });
});
