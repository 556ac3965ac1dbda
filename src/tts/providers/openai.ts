import OpenAI from 'openai';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import { parseRetryAfter, reasonFromBody, speechFailure } from '../provider-errors.js';
import type { AudioFormat, ProviderLimits, SpeechProvider, SpeechRequest, SpeechResult, VoiceInfo } from '../speech-provider.js';

/**
 * OpenAI's speech endpoint (POST {base}/audio/speech) through the official
 * client, which also speaks to self-hosted servers that copy the API (Kokoro,
 * Piper and others): point baseUrl at them. The client's own retries are off:
 * retries live in synthesize-text.ts.
 */
export interface OpenAiProviderOptions {
  /** Required by OpenAI; self-hosted servers usually ignore it. */
  apiKey?: string;
  /** Including the /v1 path, e.g. "http://localhost:8880/v1". Default: OpenAI. */
  baseUrl?: string;
  /** Default "tts-1"; a voice in the show may name another. */
  model?: string;
  /** What to ask the server for. "pcm" is raw 24 kHz 16-bit mono. */
  responseFormat?: 'mp3' | 'wav' | 'pcm' | 'opus';
  /** Voice names to list (a self-hosted server has its own). Default: OpenAI's built-in voices. */
  voices?: string[];
  /** Registry name, e.g. "kokoro" for a second, self-hosted instance. */
  name?: string;
  maxCharacters?: number;
  requestsPerSecond?: number;
  timeoutMs?: number;
}

const OPENAI_VOICES = ['alloy', 'ash', 'ballad', 'cedar', 'coral', 'echo', 'fable', 'marin', 'nova', 'onyx', 'sage', 'shimmer', 'verse'];
/** Published per-character prices; gpt-4o-mini-tts is billed per token and has none. */
const PRICES: Record<string, number> = { 'tts-1': 15, 'tts-1-hd': 30 };
const FORMATS: Record<NonNullable<OpenAiProviderOptions['responseFormat']>, AudioFormat> = { mp3: 'mp3', wav: 'wav', pcm: 'pcm_s16le', opus: 'ogg' };
const OPTION_KEYS = new Set(['instructions']);

export function createOpenAiProvider(options: OpenAiProviderOptions = {}): SpeechProvider {
  return new OpenAiSpeechProvider(options);
}

class OpenAiSpeechProvider implements SpeechProvider {
  readonly name: string;
  readonly engineId: string;
  readonly defaultModel: string;
  readonly limits: ProviderLimits;
  private readonly client: OpenAI;
  private readonly format: NonNullable<OpenAiProviderOptions['responseFormat']>;

  constructor(private readonly options: OpenAiProviderOptions) {
    const baseURL = options.baseUrl?.replace(/\/+$/, '');
    if (!options.apiKey && !baseURL) {
      throw new BriefcastError(ErrorCodes.TTS_AUTH, 'OPENAI_API_KEY is not set (a self-hosted server needs OPENAI_BASE_URL instead)', { subject: 'openai' });
    }
    this.name = options.name ?? 'openai';
    this.defaultModel = options.model ?? 'tts-1';
    this.format = options.responseFormat ?? 'mp3';
    // The server is part of the engine: the same model name on another server is another voice.
    this.engineId = `openai-speech:${this.defaultModel}@${baseURL ? new URL(baseURL).host : 'api.openai.com'}`;
    // Self-hosted servers accept any key; the client insists on one.
    this.client = new OpenAI({ apiKey: options.apiKey ?? 'not-needed', baseURL, maxRetries: 0, timeout: options.timeoutMs ?? 120_000 });
    this.limits = this.limitsFor(undefined);
  }

  limitsFor(model: string | undefined): ProviderLimits {
    const price = this.options.baseUrl ? undefined : PRICES[model ?? this.defaultModel];
    return {
      maxCharacters: this.options.maxCharacters ?? 4096,
      ssml: false,
      outputFormats: Object.values(FORMATS),
      ...(this.options.requestsPerSecond ? { requestsPerSecond: this.options.requestsPerSecond } : {}),
      ...(price === undefined ? {} : { pricePerMillionCharacters: price }),
    };
  }

  async listVoices(): Promise<VoiceInfo[]> {
    return (this.options.voices ?? OPENAI_VOICES).map((name) => ({ name, language: 'multilingual' }));
  }

  async synthesize(request: SpeechRequest): Promise<SpeechResult> {
    const warnings: string[] = [];
    const extra = request.options ?? {};
    for (const key of Object.keys(extra)) if (!OPTION_KEYS.has(key)) warnings.push(`${this.name}: option "${key}" is not supported and was ignored`);
    const instructions = typeof extra.instructions === 'string' ? extra.instructions : undefined;
    if (request.ssml) warnings.push(`${this.name}: SSML is not supported; the text was read as written`);
    try {
      const response = await this.client.audio.speech.create(
        {
          model: request.model ?? this.defaultModel,
          voice: request.voice,
          input: request.text,
          response_format: this.format,
          // The API accepts 0.25 to 4; the show schema already keeps speed within 0.5 to 2.
          speed: request.speed,
          ...(instructions ? { instructions } : {}),
        },
        { signal: request.signal },
      );
      const audio = new Uint8Array(await response.arrayBuffer());
      return { audio, format: FORMATS[this.format], ...(this.format === 'pcm' ? { sampleRate: 24_000 } : {}), ...(warnings.length ? { warnings } : {}) };
    } catch (error) {
      throw this.toError(error, request.voice);
    }
  }

  private toError(error: unknown, voice: string): unknown {
    if (error instanceof OpenAI.APIUserAbortError) return error;
    if (error instanceof OpenAI.APIError) {
      const status = error.status;
      const reason = reasonFromBody(error.error) ?? error.message;
      const headers = error.headers;
      const retryAfterMs = Number(headers?.get('retry-after-ms'));
      const retryAfterSeconds = Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? retryAfterMs / 1000 : parseRetryAfter(headers?.get('retry-after'));
      // OpenAI answers an unknown voice with 400 and names the parameter; self-hosted servers with 400 or 404.
      const param = (error.error as { param?: unknown } | undefined)?.param;
      const voiceUnknown = (status === 400 || status === 404 || status === 422) && (param === 'voice' || /\bvoice\b/i.test(reason));
      return speechFailure({ provider: this.name, status, reason, body: error.error, retryAfterSeconds, voiceUnknown, voice, cause: error });
    }
    if (error instanceof OpenAI.OpenAIError) return speechFailure({ provider: this.name, reason: error.message, cause: error });
    return error;
  }
}
