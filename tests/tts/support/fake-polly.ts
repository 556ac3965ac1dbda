import { createHash, createHmac } from 'node:crypto';
import { FaultQueue, jsonOf, startLoopback, type Loopback, type RecordedRequest, type Reply } from './loopback.js';

/**
 * Amazon Polly's SynthesizeSpeech as documented (REST-JSON): POST /v1/speech
 * signed with AWS Signature Version 4 for service "polly", JSON {Engine,
 * OutputFormat, Text, TextType, VoiceId, ...}; audio back with Content-Type and
 * x-amzn-RequestCharacters; errors as JSON {message} with x-amzn-ErrorType.
 * The signature is checked for real against the secret key.
 */
export interface FakePollyOptions {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  voices: string[];
  mp3: Uint8Array;
}

export interface FakePolly extends Loopback {
  faults: FaultQueue;
}

const FIELDS = new Set(['Engine', 'LanguageCode', 'LexiconNames', 'OutputFormat', 'SampleRate', 'SpeechMarkTypes', 'Text', 'TextType', 'VoiceId']);
// Tags Polly's non-standard engines reject (emphasis), per the SSML support table.
const NOT_FOR_NEURAL = /<emphasis\b/;

export function pollyError(status: number, type: string, message: string): Reply {
  return { status, headers: { 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazonaws.tts/` }, body: { message } };
}

export async function startFakePolly(options: FakePollyOptions): Promise<FakePolly> {
  const faults = new FaultQueue();
  const loopback = await startLoopback((request) => {
    if (request.method !== 'POST' || request.url !== '/v1/speech') return pollyError(404, 'UnknownOperationException', `${request.method} ${request.url}`);
    const auth = checkSignature(request, options);
    if (auth) return auth;
    const body = jsonOf(request);
    for (const key of Object.keys(body)) if (!FIELDS.has(key)) return pollyError(400, 'SerializationException', `Unexpected field ${key}`);
    if (!['standard', 'neural', 'long-form', 'generative'].includes(String(body.Engine ?? 'standard'))) {
      return pollyError(400, 'ValidationException', `Value '${String(body.Engine)}' at 'engine' failed to satisfy constraint`);
    }
    if (!['mp3', 'ogg_vorbis', 'pcm', 'json'].includes(String(body.OutputFormat))) return pollyError(400, 'ValidationException', "Value at 'outputFormat' failed to satisfy constraint");
    if (typeof body.VoiceId !== 'string' || !options.voices.includes(body.VoiceId)) {
      return pollyError(400, 'ValidationException', `1 validation error detected: Value '${String(body.VoiceId)}' at 'voiceId' failed to satisfy enum value set`);
    }
    const text = String(body.Text ?? '');
    const ssml = body.TextType === 'ssml';
    if (ssml && !/^<speak>[\s\S]*<\/speak>$/.test(text)) return pollyError(400, 'InvalidSsmlException', 'Invalid SSML request');
    if (ssml && body.Engine !== 'standard' && NOT_FOR_NEURAL.test(text)) return pollyError(400, 'InvalidSsmlException', 'Unsupported Neural feature');
    const billed = ssml ? text.replace(/<[^>]+>/g, '').length : text.length;
    if (billed > 3000 || text.length > 6000) return pollyError(400, 'TextLengthExceededException', `Maximum text length has been exceeded`);
    const fault = faults.next();
    if (fault) return fault;
    return { status: 200, headers: { 'content-type': 'audio/mpeg', 'x-amzn-requestcharacters': String(billed) }, body: options.mp3 };
  }, { http2: true });
  return { ...loopback, faults };
}

/** Verifies the SigV4 Authorization header; a reply when it is wrong, undefined when it is right. */
function checkSignature(request: RecordedRequest, options: FakePollyOptions): Reply | undefined {
  const header = String(request.headers.authorization ?? '');
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/polly\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(header);
  if (!match) return pollyError(403, 'IncompleteSignatureException', 'Authorization header requires a SigV4 Credential, SignedHeaders and Signature');
  const [, keyId, day, region, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string];
  if (keyId !== options.accessKeyId) return pollyError(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
  if (region !== options.region) return pollyError(403, 'InvalidSignatureException', `Credential should be scoped to a valid region, not '${region}'.`);
  const amzDate = String(request.headers['x-amz-date'] ?? '');
  const payloadHash = createHash('sha256').update(request.body).digest('hex');
  const canonicalHeaders = signedHeaders
    .split(';')
    // Over HTTP/2 the host travels as the :authority pseudo-header.
    .map((name) => `${name}:${String(request.headers[name] ?? (name === 'host' ? request.headers[':authority'] : '') ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const canonicalRequest = [request.method, '/v1/speech', '', canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${region}/polly/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${options.secretAccessKey}`, day), region), 'polly'), 'aws4_request');
  const expected = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  if (expected !== signature) return pollyError(403, 'InvalidSignatureException', 'The request signature we calculated does not match the signature you provided.');
  return undefined;
}
