import { FaultQueue, jsonOf, startLoopback, type Loopback, type Reply } from './loopback.js';

/**
 * ElevenLabs' text-to-speech endpoint as documented: POST
 * /v1/text-to-speech/{voice_id}?output_format=..., key in the xi-api-key
 * header, JSON {text, model_id, voice_settings, language_code, seed}; audio
 * back; errors as {detail:{status,message}} (422 validation: {detail:[...]}).
 */
export interface FakeElevenLabsOptions {
  apiKey: string;
  voiceIds: string[];
  mp3: Uint8Array;
  maxCharacters?: number;
}

export interface FakeElevenLabs extends Loopback {
  faults: FaultQueue;
}

const FIELDS = new Set(['text', 'model_id', 'voice_settings', 'language_code', 'seed', 'previous_text', 'next_text', 'pronunciation_dictionary_locators']);
const SETTINGS = new Set(['stability', 'similarity_boost', 'style', 'use_speaker_boost', 'speed']);

function detail(status: number, code: string, message: string): Reply {
  return { status, body: { detail: { status: code, message } } };
}

export async function startFakeElevenLabs(options: FakeElevenLabsOptions): Promise<FakeElevenLabs> {
  const faults = new FaultQueue();
  const loopback = await startLoopback((request) => {
    const url = new URL(request.url, 'http://localhost');
    const match = /^\/v1\/text-to-speech\/([^/]+)$/.exec(url.pathname);
    if (request.method !== 'POST' || !match) return { status: 404, body: { detail: 'Not Found' } };
    if (request.headers['xi-api-key'] !== options.apiKey) return detail(401, 'invalid_api_key', 'Invalid API key');
    const format = url.searchParams.get('output_format') ?? 'mp3_44100_128';
    if (!/^mp3_\d+_\d+$/.test(format)) return detail(400, 'invalid_output_format', `output_format ${format} is not served by this stand-in`);
    const body = jsonOf(request);
    const problems: Array<{ loc: string[]; msg: string; type: string }> = [];
    if (typeof body.text !== 'string' || !body.text) problems.push({ loc: ['body', 'text'], msg: 'Field required', type: 'missing' });
    for (const key of Object.keys(body)) if (!FIELDS.has(key)) problems.push({ loc: ['body', key], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' });
    const settings = (body.voice_settings ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(settings)) if (!SETTINGS.has(key)) problems.push({ loc: ['body', 'voice_settings', key], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' });
    if (typeof settings.speed === 'number' && (settings.speed < 0.7 || settings.speed > 1.2)) {
      problems.push({ loc: ['body', 'voice_settings', 'speed'], msg: 'Input should be between 0.7 and 1.2', type: 'range' });
    }
    if (problems.length > 0) return { status: 422, body: { detail: problems } };
    if (!options.voiceIds.includes(match[1]!)) return detail(400, 'voice_not_found', `A voice with the voice_id ${match[1]} was not found.`);
    const max = options.maxCharacters ?? 10_000;
    if ((body.text as string).length > max) {
      return detail(400, 'max_character_limit_exceeded', `This request's text has ${(body.text as string).length} characters and exceeds the character limit of ${max} characters.`);
    }
    const fault = faults.next();
    if (fault) return fault;
    return { status: 200, headers: { 'content-type': 'audio/mpeg' }, body: options.mp3 };
  });
  return { ...loopback, faults };
}
