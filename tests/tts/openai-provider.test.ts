import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAiProvider } from '../../src/tts/providers/openai.js';
import { createTokenBucketLimiter } from '../../src/tts/rate-limiter.js';
import { defaultSynthesisServices, synthesizeText } from '../../src/tts/synthesize-text.js';
import { looksLikeMp3, sampleAudio, type SampleAudio } from './support/audio.js';
import { startFakeOpenAi, type FakeOpenAi } from './support/fake-openai.js';
import { jsonOf } from './support/loopback.js';
import { recordingRetryPolicy } from './support/test-context.js';
import { briefcastFailure as failure } from '../support/briefcast-failure.js';

const KEY = 'sk-test-briefcast';
let audio: SampleAudio;
let server: FakeOpenAi;

beforeAll(async () => {
  audio = await sampleAudio();
  server = await startFakeOpenAi({ apiKey: KEY, voices: ['alloy', 'onyx'], mp3: audio.mp3, wav: audio.wav });
});
afterAll(() => server.close());

function provider(overrides: Parameters<typeof createOpenAiProvider>[0] = {}) {
  return createOpenAiProvider({ apiKey: KEY, baseUrl: `${server.origin}/v1`, ...overrides });
}


describe('openai provider on the documented wire format', () => {
  it('posts model, voice, input, format, speed and instructions with the bearer key, and returns the audio', async () => {
    const before = server.requests.length;
    const result = await provider({ model: 'gpt-4o-mini-tts' }).synthesize({
      text: 'Markets rose today.',
      voice: 'alloy',
      speed: 1.25,
      options: { instructions: 'Calm newsreader.' },
    });
    const request = server.requests[before]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v1/audio/speech');
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(jsonOf(request)).toEqual({ model: 'gpt-4o-mini-tts', voice: 'alloy', input: 'Markets rose today.', response_format: 'mp3', speed: 1.25, instructions: 'Calm newsreader.' });
    expect(result.format).toBe('mp3');
    expect(Buffer.from(result.audio).equals(Buffer.from(audio.mp3))).toBe(true);
    expect(looksLikeMp3(result.audio)).toBe(true);
  });

  it('works keyless against a self-hosted server when only the base URL is given', async () => {
    const selfHosted = await startFakeOpenAi({ voices: ['af_bella'], mp3: audio.mp3, wav: audio.wav });
    try {
      const kokoro = createOpenAiProvider({ baseUrl: `${selfHosted.origin}/v1`, model: 'kokoro', responseFormat: 'wav', voices: ['af_bella'] });
      const result = await kokoro.synthesize({ text: 'Hello.', voice: 'af_bella', speed: 1 });
      expect(result.format).toBe('wav');
      expect(jsonOf(selfHosted.requests[0]!)).toMatchObject({ model: 'kokoro', response_format: 'wav' });
      expect(kokoro.engineId).toContain(new URL(selfHosted.origin).host);
      expect(kokoro.limits.pricePerMillionCharacters).toBeUndefined();
      expect((await kokoro.listVoices()).map((v) => v.name)).toEqual(['af_bella']);
    } finally {
      await selfHosted.close();
    }
  });

  it('publishes the per-model price where OpenAI has one', () => {
    const openai = createOpenAiProvider({ apiKey: KEY });
    expect(openai.limitsFor?.('tts-1').pricePerMillionCharacters).toBe(15);
    expect(openai.limitsFor?.('tts-1-hd').pricePerMillionCharacters).toBe(30);
    expect(openai.limitsFor?.('gpt-4o-mini-tts').pricePerMillionCharacters).toBeUndefined();
    expect(openai.limits.maxCharacters).toBe(4096);
  });
});

describe('synthesis through the orchestration layer against the openai stand-in', () => {
  it('chunks text on sentence boundaries under the character limit', async () => {
    const before = server.requests.length;
    const text = 'The council met on Monday. It approved the budget. Protesters gathered outside the hall. Police said the crowd was calm.';
    const results = await synthesizeText(provider({ maxCharacters: 60 }), { text, voice: 'onyx', speed: 1 }, defaultSynthesisServices());
    const inputs = server.requests.slice(before).map((r) => jsonOf(r).input as string);
    expect(inputs.length).toBeGreaterThan(1);
    expect(results).toHaveLength(inputs.length);
    for (const input of inputs) {
      expect(input.length).toBeLessThanOrEqual(60);
      expect(input).toMatch(/\.$/);
    }
    expect(inputs.join(' ')).toBe(text);
  });

  it('lets no more than the configured requests per second reach the server', async () => {
    const before = server.requests.length;
    const services = defaultSynthesisServices({ rateLimiter: createTokenBucketLimiter(), rateLimits: { openai: 2 } });
    const sentences = Array.from({ length: 6 }, (_, i) => `Item ${i + 1}.`);
    // Three segments at once, as the pipeline runs them, sharing one limiter.
    await Promise.all(
      [0, 2, 4].map((i) => synthesizeText(provider({ maxCharacters: 10 }), { text: `${sentences[i]} ${sentences[i + 1]}`, voice: 'alloy', speed: 1 }, services)),
    );
    const arrivals = server.requests.slice(before).map((r) => r.at);
    expect(arrivals).toHaveLength(6);
    // Count the arrivals in the second that follows each arrival (less 100 ms for loopback jitter): never more than 2.
    const perWindow = arrivals.map((start) => arrivals.filter((t) => t >= start && t < start + 900).length);
    expect(Math.max(...perWindow)).toBeLessThanOrEqual(2);
  });

  it('waits as long as a 429 Retry-After says, then succeeds', async () => {
    const before = server.requests.length;
    server.faults.push({ status: 429, headers: { 'retry-after': '2' }, body: { error: { message: 'Rate limit reached for requests', type: 'requests', param: null, code: 'rate_limit_exceeded' } } });
    const retry = recordingRetryPolicy();
    const results = await synthesizeText(provider(), { text: 'One more.', voice: 'alloy', speed: 1 }, defaultSynthesisServices({ retry }));
    expect(results).toHaveLength(1);
    expect(server.requests.length - before).toBe(2);
    expect(retry.delays).toEqual([2000]);
  });

  it('rides out a storm of 5xx with growing backoff', async () => {
    const before = server.requests.length;
    const storm = { status: 503, body: { error: { message: 'The server is overloaded', type: 'server_error', param: null, code: null } } };
    server.faults.push(storm, storm, storm);
    const retry = recordingRetryPolicy(3);
    await synthesizeText(provider(), { text: 'After the storm.', voice: 'alloy', speed: 1 }, defaultSynthesisServices({ retry }));
    expect(server.requests.length - before).toBe(4);
    expect(retry.delays).toEqual([75, 150, 300]);
  });

  it('gives up after the last retry with a retryable TTS_FAILED carrying the vendor reason', async () => {
    const before = server.requests.length;
    server.faults.always({ status: 500, body: { error: { message: 'Internal failure', type: 'server_error', param: null, code: null } } });
    try {
      const error = await failure(synthesizeText(provider(), { text: 'Never.', voice: 'alloy', speed: 1 }, defaultSynthesisServices({ retry: recordingRetryPolicy(2) })));
      expect(error.code).toBe('TTS_FAILED');
      expect(error.retryable).toBe(true);
      expect(error.message).toContain('Internal failure');
      expect(server.requests.length - before).toBe(3);
    } finally {
      server.faults.always(undefined);
    }
  });

  it('fails fast on a bad key: exactly one request, TTS_AUTH, not retryable', async () => {
    const before = server.requests.length;
    const retry = recordingRetryPolicy();
    const error = await failure(synthesizeText(provider({ apiKey: 'sk-wrong' }), { text: 'Hello.', voice: 'alloy', speed: 1 }, defaultSynthesisServices({ retry })));
    expect(error.code).toBe('TTS_AUTH');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('Incorrect API key');
    expect(server.requests.length - before).toBe(1);
    expect(retry.delays).toEqual([]);
  });

  it('fails fast on an unknown voice and on refused text', async () => {
    const before = server.requests.length;
    const services = defaultSynthesisServices({ retry: recordingRetryPolicy() });
    const voice = await failure(synthesizeText(provider(), { text: 'Hello.', voice: 'nobody', speed: 1 }, services));
    expect(voice.code).toBe('VOICE_UNKNOWN');
    expect(voice.subject).toBe('nobody');
    const strict = await startFakeOpenAi({ apiKey: KEY, voices: ['alloy'], mp3: audio.mp3, wav: audio.wav, maxInput: 20 });
    try {
      const refused = await failure(
        synthesizeText(createOpenAiProvider({ apiKey: KEY, baseUrl: `${strict.origin}/v1` }), { text: 'This sentence is longer than twenty.', voice: 'alloy', speed: 1 }, services),
      );
      expect(refused.code).toBe('TTS_TEXT_REFUSED');
      expect(refused.retryable).toBe(false);
      expect(refused.message).toContain('too long');
      expect(strict.requests).toHaveLength(1);
    } finally {
      await strict.close();
    }
    expect(server.requests.length - before).toBe(1);
  });

  it('retries a connection failure as a retryable network error', async () => {
    const gone = await startFakeOpenAi({ apiKey: KEY, voices: ['alloy'], mp3: audio.mp3, wav: audio.wav });
    const origin = gone.origin;
    await gone.close();
    const retry = recordingRetryPolicy(1);
    const error = await failure(synthesizeText(createOpenAiProvider({ apiKey: KEY, baseUrl: `${origin}/v1` }), { text: 'Hi.', voice: 'alloy', speed: 1 }, defaultSynthesisServices({ retry })));
    expect(error.code).toBe('TTS_FAILED');
    expect(error.retryable).toBe(true);
    expect(retry.delays).toHaveLength(1);
  });
});
