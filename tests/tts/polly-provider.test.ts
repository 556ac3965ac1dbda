import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPollyProvider } from '../../src/tts/providers/polly.js';
import { toSsml } from '../../src/tts/ssml.js';
import { defaultSynthesisServices, synthesizeText } from '../../src/tts/synthesize-text.js';
import { looksLikeMp3, sampleAudio } from './support/audio.js';
import { pollyError, startFakePolly, type FakePolly } from './support/fake-polly.js';
import { jsonOf } from './support/loopback.js';
import { recordingRetryPolicy } from './support/test-context.js';
import { briefcastFailure as failure } from '../support/briefcast-failure.js';

const CREDENTIALS = { accessKeyId: 'AKIDBRIEFCASTTEST', secretAccessKey: 'briefcast-test-secret' };
let server: FakePolly;

beforeAll(async () => {
  server = await startFakePolly({ ...CREDENTIALS, region: 'eu-west-1', voices: ['Joanna', 'Brian'], mp3: (await sampleAudio()).mp3 });
});
afterAll(() => server.close());

const provider = (engine: 'standard' | 'neural' = 'neural', credentials = CREDENTIALS) =>
  createPollyProvider({ region: 'eu-west-1', endpoint: server.origin, credentials, engine });


describe('polly provider on the documented wire format', () => {
  it('sends a SigV4-signed SynthesizeSpeech with SSML and returns the audio stream', async () => {
    const before = server.requests.length;
    const ssml = toSsml('Rates rose on 2025-03-04.', { tags: provider().limits.ssmlTags });
    const result = await provider().synthesize({ text: ssml, ssml: true, voice: 'Joanna', speed: 1 });
    const request = server.requests[before]!;
    expect(request.url).toBe('/v1/speech');
    expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDBRIEFCASTTEST\/\d{8}\/eu-west-1\/polly\/aws4_request/);
    expect(jsonOf(request)).toEqual({ Engine: 'neural', OutputFormat: 'mp3', Text: ssml, TextType: 'ssml', VoiceId: 'Joanna' });
    expect(looksLikeMp3(result.audio)).toBe(true);
  });

  it('declares per-engine prices, quotas and SSML tags', () => {
    expect(provider('standard').limits).toMatchObject({ pricePerMillionCharacters: 4, requestsPerSecond: 80, maxCharacters: 3000, maxSsmlCharacters: 6000 });
    expect(provider().limits).toMatchObject({ pricePerMillionCharacters: 16, requestsPerSecond: 8 });
    expect(provider().limitsFor?.('long-form').pricePerMillionCharacters).toBe(100);
    expect(provider().limits.ssmlTags).not.toContain('emphasis');
    expect(provider('standard').limits.ssmlTags).toContain('emphasis');
  });

  it('retries ThrottlingException (HTTP 400) as a rate limit', async () => {
    const before = server.requests.length;
    server.faults.push(pollyError(400, 'ThrottlingException', 'Rate exceeded'));
    const retry = recordingRetryPolicy();
    await synthesizeText(provider(), { text: 'Again.', voice: 'Brian', speed: 1 }, defaultSynthesisServices({ retry }));
    expect(server.requests.length - before).toBe(2);
    expect(retry.delays).toHaveLength(1);
  });

  it('retries ServiceFailureException (500) until it passes', async () => {
    const before = server.requests.length;
    server.faults.push(pollyError(500, 'ServiceFailureException', 'Service failure'), pollyError(500, 'ServiceFailureException', 'Service failure'));
    await synthesizeText(provider(), { text: 'Steady.', voice: 'Brian', speed: 1 }, defaultSynthesisServices({ retry: recordingRetryPolicy() }));
    expect(server.requests.length - before).toBe(3);
  });

  it('fails fast on unknown credentials, an unknown voice and text over the limit', async () => {
    const services = defaultSynthesisServices({ retry: recordingRetryPolicy() });
    let before = server.requests.length;
    const auth = await failure(synthesizeText(provider('neural', { accessKeyId: 'AKIDWRONG', secretAccessKey: 'x' }), { text: 'Hi.', voice: 'Joanna', speed: 1 }, services));
    expect(auth.code).toBe('TTS_AUTH');
    expect(auth.message).toContain('security token included in the request is invalid');
    expect(server.requests.length - before).toBe(1);

    before = server.requests.length;
    const voice = await failure(synthesizeText(provider(), { text: 'Hi.', voice: 'Nobody', speed: 1 }, services));
    expect(voice.code).toBe('VOICE_UNKNOWN');
    expect(server.requests.length - before).toBe(1);

    const refused = await failure(provider().synthesize({ text: 'word '.repeat(700), voice: 'Joanna', speed: 1 }));
    expect(refused.code).toBe('TTS_TEXT_REFUSED');
    expect(refused.message).toContain('TextLengthExceededException');
  });
});
