import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createElevenLabsProvider } from '../../src/tts/providers/elevenlabs.js';
import { defaultSynthesisServices, synthesizeText } from '../../src/tts/synthesize-text.js';
import { looksLikeMp3, sampleAudio } from './support/audio.js';
import { startFakeElevenLabs, type FakeElevenLabs } from './support/fake-elevenlabs.js';
import { jsonOf } from './support/loopback.js';
import { recordingRetryPolicy } from './support/test-context.js';
import { briefcastFailure as failure } from '../support/briefcast-failure.js';

const KEY = 'xi-test-key';
const VOICE = 'JBFqnCBsd6RMkjVDRZzb';
let server: FakeElevenLabs;

beforeAll(async () => {
  server = await startFakeElevenLabs({ apiKey: KEY, voiceIds: [VOICE], mp3: (await sampleAudio()).mp3, maxCharacters: 200 });
});
afterAll(() => server.close());

const provider = (apiKey = KEY, model?: string) => createElevenLabsProvider({ apiKey, baseUrl: server.origin, model });


describe('elevenlabs provider on the documented wire format', () => {
  it('posts text, model_id and voice settings to the voice path with xi-api-key and output_format', async () => {
    const before = server.requests.length;
    const result = await provider().synthesize({ text: 'Good morning.', voice: VOICE, speed: 1.1, options: { stability: 0.4, similarity_boost: 0.8 } });
    const request = server.requests[before]!;
    expect(request.method).toBe('POST');
    const url = new URL(request.url, 'http://x');
    expect(url.pathname).toBe(`/v1/text-to-speech/${VOICE}`);
    expect(url.searchParams.get('output_format')).toBe('mp3_44100_128');
    expect(request.headers['xi-api-key']).toBe(KEY);
    expect(jsonOf(request)).toEqual({ text: 'Good morning.', model_id: 'eleven_multilingual_v2', voice_settings: { speed: 1.1, stability: 0.4, similarity_boost: 0.8 } });
    expect(result.format).toBe('mp3');
    expect(looksLikeMp3(result.audio)).toBe(true);
  });

  it('clamps speed into the API range and says so', async () => {
    const before = server.requests.length;
    const result = await provider().synthesize({ text: 'Slow down.', voice: VOICE, speed: 0.5 });
    expect((jsonOf(server.requests[before]!).voice_settings as { speed: number }).speed).toBe(0.7);
    expect(result.warnings?.join(' ')).toContain('clamped');
  });

  it('declares per-model limits and prices', () => {
    expect(provider(KEY, 'eleven_flash_v2_5').limits).toMatchObject({ maxCharacters: 40_000, pricePerMillionCharacters: 50, ssml: false });
    expect(provider().limits).toMatchObject({ maxCharacters: 10_000, pricePerMillionCharacters: 100 });
  });

  it('fails fast on a bad key with the vendor reason, after exactly one request', async () => {
    const before = server.requests.length;
    const error = await failure(synthesizeText(provider('wrong'), { text: 'Hi.', voice: VOICE, speed: 1 }, defaultSynthesisServices({ retry: recordingRetryPolicy() })));
    expect(error.code).toBe('TTS_AUTH');
    expect(error.message).toContain('Invalid API key');
    expect(server.requests.length - before).toBe(1);
  });

  it('maps voice_not_found to VOICE_UNKNOWN and a text over the limit to TTS_TEXT_REFUSED', async () => {
    const services = defaultSynthesisServices({ retry: recordingRetryPolicy() });
    const voice = await failure(synthesizeText(provider(), { text: 'Hi.', voice: 'missing-voice', speed: 1 }, services));
    expect(voice.code).toBe('VOICE_UNKNOWN');
    expect(voice.message).toContain('was not found');
    const refused = await failure(provider().synthesize({ text: 'x'.repeat(250), voice: VOICE, speed: 1 }));
    expect(refused.code).toBe('TTS_TEXT_REFUSED');
    expect(refused.message).toContain('exceeds the character limit');
  });

  it('retries a 429 busy answer, honouring Retry-After', async () => {
    const before = server.requests.length;
    server.faults.push({ status: 429, headers: { 'retry-after': '1' }, body: { detail: { status: 'system_busy', message: 'We are experiencing heavy traffic' } } });
    const retry = recordingRetryPolicy();
    await synthesizeText(provider(), { text: 'Busy.', voice: VOICE, speed: 1 }, defaultSynthesisServices({ retry }));
    expect(server.requests.length - before).toBe(2);
    expect(retry.delays).toEqual([1000]);
  });
});
