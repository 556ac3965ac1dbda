import { ElevenLabsClient, ElevenLabsError, ElevenLabsTimeoutError, type ElevenLabs } from '@elevenlabs/elevenlabs-js';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import { parseRetryAfter, reasonFromBody, speechFailure } from '../provider-errors.js';
import type { ProviderLimits, SpeechProvider, SpeechRequest, SpeechResult, VoiceInfo } from '../speech-provider.js';

/**
 * ElevenLabs text to speech (POST /v1/text-to-speech/{voice_id}) through the
 * official client with its retries off (retries live in synthesize-text.ts).
 * Voice names are ElevenLabs voice ids.
 */
export interface ElevenLabsProviderOptions {
  apiKey?: string;
  /** Default: ElevenLabs' production API. */
  baseUrl?: string;
  /** Default "eleven_multilingual_v2". */
  model?: string;
  /** codec_samplerate[_bitrate]: an "mp3_*" or "pcm_*" format. Default "mp3_44100_128". */
  outputFormat?: string;
  requestsPerSecond?: number;
  timeoutMs?: number;
}

/** Characters per request and published API price per model family (US$ per million characters). */
function modelLimits(model: string): { maxCharacters: number; price: number } {
  if (/flash|turbo/.test(model)) return { maxCharacters: /_v2_5$/.test(model) ? 40_000 : 30_000, price: 50 };
  if (/eleven_v3/.test(model)) return { maxCharacters: 5_000, price: 100 };
  return { maxCharacters: 10_000, price: 100 };
}

const VOICE_SETTINGS: Record<string, keyof ElevenLabs.VoiceSettings> = {
  stability: 'stability',
  similarity_boost: 'similarityBoost',
  style: 'style',
  use_speaker_boost: 'useSpeakerBoost',
};

export function createElevenLabsProvider(options: ElevenLabsProviderOptions = {}): SpeechProvider {
  if (!options.apiKey) throw new BriefcastError(ErrorCodes.TTS_AUTH, 'ELEVENLABS_API_KEY is not set', { subject: 'elevenlabs' });
  return new ElevenLabsProvider(options, options.apiKey);
}

class ElevenLabsProvider implements SpeechProvider {
  readonly name = 'elevenlabs';
  readonly engineId: string;
  readonly defaultModel: string;
  readonly limits: ProviderLimits;
  private readonly client: ElevenLabsClient;
  private readonly outputFormat: string;
  private readonly pcmRate?: number;

  constructor(private readonly options: ElevenLabsProviderOptions, apiKey: string) {
    this.defaultModel = options.model ?? 'eleven_multilingual_v2';
    this.outputFormat = options.outputFormat ?? 'mp3_44100_128';
    const pcm = /^pcm_(\d+)$/.exec(this.outputFormat);
    if (!pcm && !this.outputFormat.startsWith('mp3_')) {
      throw new BriefcastError(ErrorCodes.CONFIG_INVALID, 'ElevenLabs output format must be mp3_* or pcm_*', { subject: this.outputFormat });
    }
    if (pcm) this.pcmRate = Number(pcm[1]);
    this.engineId = `elevenlabs:${this.defaultModel}:${this.outputFormat}`;
    this.client = new ElevenLabsClient({ apiKey, baseUrl: options.baseUrl?.replace(/\/+$/, ''), maxRetries: 0, timeoutInSeconds: (options.timeoutMs ?? 120_000) / 1000 });
    this.limits = this.limitsFor(undefined);
  }

  limitsFor(model: string | undefined): ProviderLimits {
    const { maxCharacters, price } = modelLimits(model ?? this.defaultModel);
    return {
      maxCharacters,
      ssml: false,
      outputFormats: [this.pcmRate ? 'pcm_s16le' : 'mp3'],
      pricePerMillionCharacters: price,
      ...(this.options.requestsPerSecond ? { requestsPerSecond: this.options.requestsPerSecond } : {}),
    };
  }

  async listVoices(): Promise<VoiceInfo[]> {
    try {
      const { voices } = await this.client.voices.getAll();
      return voices.map((voice) => ({
        name: voice.voiceId,
        language: voice.labels?.language ?? 'multilingual',
        description: [voice.name, voice.labels?.accent, voice.description].filter(Boolean).join(', '),
      }));
    } catch (error) {
      throw this.toError(error, 'voices');
    }
  }

  async synthesize(request: SpeechRequest): Promise<SpeechResult> {
    const warnings: string[] = [];
    const voiceSettings: ElevenLabs.VoiceSettings = {};
    let languageCode: string | undefined;
    let seed: number | undefined;
    for (const [key, value] of Object.entries(request.options ?? {})) {
      const setting = VOICE_SETTINGS[key];
      if (setting) Object.assign(voiceSettings, { [setting]: value });
      else if (key === 'language_code' && typeof value === 'string') languageCode = value;
      else if (key === 'seed' && typeof value === 'number') seed = value;
      else warnings.push(`elevenlabs: option "${key}" is not supported and was ignored`);
    }
    if (request.speed !== 1) {
      // The API accepts speeds from 0.7 to 1.2 only.
      voiceSettings.speed = Math.min(1.2, Math.max(0.7, request.speed));
      if (voiceSettings.speed !== request.speed) warnings.push(`elevenlabs: speed ${request.speed} clamped to ${voiceSettings.speed}`);
    }
    if (request.ssml) warnings.push('elevenlabs: SSML is not supported; the text was read as written');
    try {
      const stream = await this.client.textToSpeech.convert(
        request.voice,
        {
          text: request.text,
          modelId: request.model ?? this.defaultModel,
          outputFormat: this.outputFormat as ElevenLabs.TextToSpeechConvertRequestOutputFormat,
          ...(Object.keys(voiceSettings).length > 0 ? { voiceSettings } : {}),
          ...(languageCode ? { languageCode } : {}),
          ...(seed === undefined ? {} : { seed }),
        },
        { abortSignal: request.signal },
      );
      const audio = new Uint8Array(await new Response(stream).arrayBuffer());
      const format = this.pcmRate ? ('pcm_s16le' as const) : ('mp3' as const);
      return { audio, format, ...(this.pcmRate ? { sampleRate: this.pcmRate } : {}), ...(warnings.length ? { warnings } : {}) };
    } catch (error) {
      // A cancelled run is not a vendor failure: let the abort propagate as it is.
      if (request.signal?.aborted) throw error;
      throw this.toError(error, request.voice);
    }
  }

  private toError(error: unknown, voice: string): unknown {
    if (error instanceof ElevenLabsTimeoutError) return speechFailure({ provider: this.name, reason: error.message, cause: error });
    if (!(error instanceof ElevenLabsError)) return error;
    const detail = (error.body as { detail?: { status?: string; code?: string } } | undefined)?.detail;
    const status = error.statusCode;
    const retryAfterSeconds = parseRetryAfter(error.rawResponse?.headers?.get('retry-after'));
    const voiceUnknown = detail?.status === 'voice_not_found' || detail?.code === 'voice_not_found';
    const reason = reasonFromBody(error.body) ?? error.message;
    return speechFailure({ provider: this.name, status, reason, body: error.body, retryAfterSeconds, voiceUnknown, voice, cause: error });
  }
}
