import { FaultQueue, jsonOf, startLoopback, type Loopback, type Reply } from './loopback.js';

/**
 * OpenAI's speech endpoint as documented: POST /v1/audio/speech, bearer key,
 * JSON {model, input (max 4096 characters), voice, response_format, speed
 * 0.25-4, instructions}; audio bytes back; errors as {error:{message,type,param,code}}.
 */
export interface FakeOpenAiOptions {
  /** Undefined: a self-hosted server that ignores the key. */
  apiKey?: string;
  voices: string[];
  mp3: Uint8Array;
  wav: Uint8Array;
  /** The server's own input limit (OpenAI's is 4096). */
  maxInput?: number;
}

export interface FakeOpenAi extends Loopback {
  faults: FaultQueue;
  /** Inputs of the requests that were answered with audio. */
  spoken: string[];
}

const FIELDS = new Set(['model', 'input', 'voice', 'response_format', 'speed', 'instructions', 'stream_format']);

function error(status: number, message: string, param: string | null, code: string | null): Reply {
  return { status, body: { error: { message, type: 'invalid_request_error', param, code } } };
}

export async function startFakeOpenAi(options: FakeOpenAiOptions): Promise<FakeOpenAi> {
  const faults = new FaultQueue();
  const spoken: string[] = [];
  const loopback = await startLoopback((request) => {
    if (request.method !== 'POST' || request.url !== '/v1/audio/speech') return error(404, `Invalid URL (${request.method} ${request.url})`, null, null);
    if (options.apiKey !== undefined && request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return error(401, 'Incorrect API key provided: sk-wr***ng.', null, 'invalid_api_key');
    }
    if (!String(request.headers['content-type']).startsWith('application/json')) return error(400, 'Content-Type must be application/json', null, null);
    const body = jsonOf(request);
    for (const key of Object.keys(body)) if (!FIELDS.has(key)) return error(400, `Unrecognized request argument supplied: ${key}`, key, null);
    if (typeof body.model !== 'string' || !body.model) return error(400, "Missing required parameter: 'model'.", 'model', null);
    if (typeof body.input !== 'string' || !body.input) return error(400, "Missing required parameter: 'input'.", 'input', null);
    if (body.input.length > (options.maxInput ?? 4096)) {
      return error(400, `'input' is too long: ${body.input.length} characters, the maximum is ${options.maxInput ?? 4096}.`, 'input', 'string_above_max_length');
    }
    if (typeof body.voice !== 'string' || !options.voices.includes(body.voice)) {
      return error(400, `Invalid value for 'voice': '${String(body.voice)}'. Supported values are: ${options.voices.join(', ')}.`, 'voice', 'invalid_value');
    }
    const format = body.response_format ?? 'mp3';
    if (format !== 'mp3' && format !== 'wav') return error(400, `response_format '${String(format)}' is not served by this stand-in`, 'response_format', null);
    if (body.speed !== undefined && (typeof body.speed !== 'number' || body.speed < 0.25 || body.speed > 4)) {
      return error(400, "Invalid 'speed': must be between 0.25 and 4.0.", 'speed', null);
    }
    const fault = faults.next();
    if (fault) return fault;
    spoken.push(body.input);
    return format === 'wav'
      ? { status: 200, headers: { 'content-type': 'audio/wav' }, body: options.wav }
      : { status: 200, headers: { 'content-type': 'audio/mpeg' }, body: options.mp3 };
  });
  return { ...loopback, faults, spoken };
}
