import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { showConfigSchema } from '../../src/config/show-config.js';
import { createTokenBucketLimiter } from '../../src/tts/rate-limiter.js';
import { backoffDelay, defaultRetryPolicy } from '../../src/tts/retry-policy.js';
import { selectSegmentVoices } from '../../src/tts/segment-voices.js';
import { BriefcastError } from '../../src/core/errors.js';
import { parseRetryAfter } from '../../src/tts/provider-errors.js';
import { registerDefaultProviders } from '../../src/app.js';
import { ProviderRegistry } from '../../src/tts/provider-registry.js';

const base = { id: 'cast', title: 'Cast', description: 'News.', author: 'Briefcast' };

describe('show voices', () => {
  it('accepts old show files unchanged and validates the cast', () => {
    expect(showConfigSchema.parse({ ...base, voice: { provider: 'espeak', name: 'en-gb', speed: 1.1 } }).voice.name).toBe('en-gb');
    expect(() => showConfigSchema.parse({ ...base, voices: { anchor: { provider: 'openai' } } })).toThrow();
    expect(() => showConfigSchema.parse({ ...base, pronunciations: { Kyiv: {} } })).toThrow(/ipa/);
  });

  it('gives each story the same story voice whatever its position, and the anchor everything else', () => {
    const show = showConfigSchema.parse({
      ...base,
      voices: {
        anchor: { provider: 'polly', name: 'Matthew', model: 'neural' },
        stories: [
          { provider: 'openai', name: 'onyx' },
          { provider: 'openai', name: 'nova' },
        ],
        fallback: [{ provider: 'espeak', name: 'en-us' }],
      },
    });
    expect(selectSegmentVoices(show, { id: 'intro', kind: 'intro', text: 'Hi.' }).primary).toEqual({ provider: 'polly', voice: 'Matthew', speed: 1, model: 'neural' });
    const picks = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => selectSegmentVoices(show, { id, kind: 'story', text: 'x' }).primary.voice);
    expect(new Set(picks)).toEqual(new Set(['onyx', 'nova']));
    expect(selectSegmentVoices(show, { id: 'a', kind: 'story', text: 'y' }).primary.voice).toBe(picks[0]);
    expect(selectSegmentVoices(show, { id: 'a', kind: 'story', text: 'y' }).fallback).toEqual([{ provider: 'espeak', voice: 'en-us', speed: 1 }]);
  });
});

describe('configuration from the environment', () => {
  it('reads provider keys, URLs, models and rate limits', () => {
    const config = loadConfig({
      OPENAI_BASE_URL: 'http://127.0.0.1:8880/v1',
      BRIEFCAST_OPENAI_TTS_MODEL: 'kokoro',
      ELEVENLABS_API_KEY: 'xi',
      BRIEFCAST_POLLY_ENDPOINT: 'http://127.0.0.1:9000',
      BRIEFCAST_POLLY_ENGINE: 'standard',
      BRIEFCAST_TTS_RATE_LIMITS: 'openai=3,elevenlabs=2',
    });
    expect(config.tts.openai).toMatchObject({ baseUrl: 'http://127.0.0.1:8880/v1', model: 'kokoro', responseFormat: 'mp3' });
    expect(config.tts.elevenlabs).toMatchObject({ apiKey: 'xi', model: 'eleven_multilingual_v2' });
    expect(config.tts.polly).toMatchObject({ endpoint: 'http://127.0.0.1:9000', engine: 'standard' });
    expect(config.distributed.ttsRateLimits).toEqual({ openai: 3, elevenlabs: 2 });
  });
});

describe('provider registration', () => {
  it('registers every built-in provider by name and builds a vendor one only when asked', async () => {
    const registry = registerDefaultProviders(new ProviderRegistry(), loadConfig({ BRIEFCAST_TTS_RATE_LIMITS: 'polly=5' }));
    expect(registry.names()).toEqual(['elevenlabs', 'espeak', 'festival', 'flite', 'kokoro', 'openai', 'polly']);
    expect(registry.synthesis.rateLimits).toEqual({ polly: 5 });
    // No key configured: the provider refuses to start rather than send unauthenticated requests.
    await expect(registry.get('elevenlabs')).rejects.toMatchObject({ code: 'TTS_AUTH' });
    await expect(registry.get('openai')).rejects.toMatchObject({ code: 'TTS_AUTH' });
    await registry.closeAll();
  });
});

describe('rate limiter and backoff arithmetic', () => {
  it('spaces grants 1/rate apart per key, independently for each key', async () => {
    let clock = 0;
    const limiter = createTokenBucketLimiter({ now: () => clock });
    const granted: string[] = [];
    const waiting = new AbortController();
    const a0 = limiter.acquire('a', 1).then(() => granted.push('a0'));
    const a1 = limiter.acquire('a', 1, waiting.signal).then(() => granted.push('a1'));
    const b0 = limiter.acquire('b', 1).then(() => granted.push('b0'));
    await Promise.all([a0, b0]);
    await new Promise((resolve) => setImmediate(resolve));
    // With the clock frozen, the second "a" is owed a full second: it is still waiting.
    expect(granted).toEqual(['a0', 'b0']);
    waiting.abort();
    await expect(a1).rejects.toThrow();
    // Once the clock has moved a second on, the next "a" starts at once.
    clock = 2000;
    await limiter.acquire('a', 1);
  });

  it('honours Retry-After and otherwise grows with jitter within half and full step', () => {
    const error = new BriefcastError('TTS_RATE_LIMITED', 'slow down', { retryable: true, retryAfterSeconds: 3 });
    expect(backoffDelay(defaultRetryPolicy, 1, error)).toBe(3000);
    const plain = new BriefcastError('TTS_FAILED', 'oops', { retryable: true });
    expect(backoffDelay({ ...defaultRetryPolicy, random: () => 0 }, 3, plain)).toBe(1000);
    expect(backoffDelay({ ...defaultRetryPolicy, random: () => 0.999 }, 3, plain)).toBeLessThanOrEqual(2000);
    expect(backoffDelay({ ...defaultRetryPolicy, random: () => 0 }, 20, plain)).toBe(10_000);
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString(), Date.now())).toBeGreaterThan(3);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
