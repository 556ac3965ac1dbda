import { DescribeVoicesCommand, PollyClient, SynthesizeSpeechCommand, type Engine } from '@aws-sdk/client-polly';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import { parseRetryAfter, speechFailure } from '../provider-errors.js';
import type { AudioFormat, ProviderLimits, SpeechProvider, SpeechRequest, SpeechResult, SsmlTag, VoiceInfo } from '../speech-provider.js';

/**
 * Amazon Polly's SynthesizeSpeech through the AWS SDK. The engine (standard,
 * neural, long-form, generative) is the model. Credentials and region come
 * from the SDK's default chain unless given; the endpoint can point anywhere
 * (tests use a loopback server). SDK retries are off: they live in synthesize-text.ts.
 */
export interface PollyProviderOptions {
  region?: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Default "neural". */
  engine?: Engine;
  outputFormat?: 'mp3' | 'ogg_vorbis' | 'pcm';
  /** Polly's own stored lexicons (PutLexicon), applied on top of the show's. */
  lexiconNames?: string[];
  /** Overrides the per-engine default quota. */
  requestsPerSecond?: number;
  timeoutMs?: number;
}

/** Per engine: published price (US$ per million characters), default quota (requests per second), accepted SSML tags. */
const ENGINES: Record<Engine, { price: number; rps: number; tags: SsmlTag[] }> = {
  standard: { price: 4, rps: 80, tags: ['break', 'emphasis', 'p', 's', 'phoneme', 'sub', 'say-as', 'prosody'] },
  neural: { price: 16, rps: 8, tags: ['break', 'p', 's', 'phoneme', 'sub', 'say-as', 'prosody'] },
  'long-form': { price: 100, rps: 8, tags: ['break', 'p', 's', 'phoneme', 'sub', 'say-as', 'prosody'] },
  // Generative voices take <phoneme> and <prosody> only partly: leave them out and use <sub>.
  generative: { price: 30, rps: 8, tags: ['break', 'p', 's', 'sub', 'say-as'] },
};
const FORMATS: Record<NonNullable<PollyProviderOptions['outputFormat']>, AudioFormat> = { mp3: 'mp3', ogg_vorbis: 'ogg', pcm: 'pcm_s16le' };
const PCM_RATE = 16_000;

export function createPollyProvider(options: PollyProviderOptions = {}): SpeechProvider {
  return new PollyProvider(options);
}

class PollyProvider implements SpeechProvider {
  readonly name = 'polly';
  readonly engineId: string;
  readonly defaultModel: Engine;
  readonly limits: ProviderLimits;
  private readonly client: PollyClient;
  private readonly outputFormat: NonNullable<PollyProviderOptions['outputFormat']>;

  constructor(private readonly options: PollyProviderOptions) {
    this.defaultModel = options.engine ?? 'neural';
    this.outputFormat = options.outputFormat ?? 'mp3';
    this.engineId = `polly:${this.defaultModel}:${this.outputFormat}`;
    // A stalled HTTP/2 stream must end in an error the retry layer can act on, not hang a worker.
    this.client = new PollyClient({
      region: options.region,
      endpoint: options.endpoint,
      credentials: options.credentials,
      maxAttempts: 1,
      requestHandler: { requestTimeout: options.timeoutMs ?? 120_000 },
    });
    this.limits = this.limitsFor(undefined);
  }

  limitsFor(model: string | undefined): ProviderLimits {
    const engine = ENGINES[this.engine(model)];
    return {
      // 3000 billed characters (the words) and 6000 in all, SSML tags included.
      maxCharacters: 3000,
      maxSsmlCharacters: 6000,
      requestsPerSecond: this.options.requestsPerSecond ?? engine.rps,
      ssml: true,
      ssmlTags: engine.tags,
      outputFormats: [FORMATS[this.outputFormat]],
      pricePerMillionCharacters: engine.price,
    };
  }

  private engine(model: string | undefined): Engine {
    const engine = model ?? this.defaultModel;
    if (!(engine in ENGINES)) throw new BriefcastError(ErrorCodes.CONFIG_INVALID, `Polly engine must be one of ${Object.keys(ENGINES).join(', ')}`, { subject: engine });
    return engine as Engine;
  }

  async listVoices(): Promise<VoiceInfo[]> {
    try {
      const { Voices = [] } = await this.client.send(new DescribeVoicesCommand({ Engine: this.defaultModel }));
      return Voices.map((voice) => ({
        name: voice.Id ?? voice.Name ?? '',
        language: voice.LanguageCode ?? '',
        gender: voice.Gender === 'Female' ? ('female' as const) : ('male' as const),
        description: `${voice.LanguageName ?? ''} (${(voice.SupportedEngines ?? []).join(', ')})`,
      }));
    } catch (error) {
      throw this.toError(error, 'voices');
    }
  }

  async synthesize(request: SpeechRequest): Promise<SpeechResult> {
    const warnings: string[] = [];
    if (!request.ssml && request.speed !== 1) warnings.push('polly: speed needs SSML <prosody>; plain text was read at the normal rate');
    for (const key of Object.keys(request.options ?? {})) warnings.push(`polly: option "${key}" is not supported and was ignored`);
    try {
      const output = await this.client.send(
        new SynthesizeSpeechCommand({
          Engine: this.engine(request.model),
          OutputFormat: this.outputFormat,
          Text: request.text,
          TextType: request.ssml ? 'ssml' : 'text',
          VoiceId: request.voice as never,
          ...(this.outputFormat === 'pcm' ? { SampleRate: String(PCM_RATE) } : {}),
          ...(this.options.lexiconNames?.length ? { LexiconNames: this.options.lexiconNames } : {}),
        }),
        { abortSignal: request.signal },
      );
      if (!output.AudioStream) throw speechFailure({ provider: this.name, status: 502, reason: 'response had no audio stream' });
      const audio = await output.AudioStream.transformToByteArray();
      const format = FORMATS[this.outputFormat];
      return { audio, format, ...(format === 'pcm_s16le' ? { sampleRate: PCM_RATE } : {}), ...(warnings.length ? { warnings } : {}) };
    } catch (error) {
      if (request.signal?.aborted) throw error;
      throw this.toError(error, request.voice);
    }
  }

  private toError(error: unknown, voice: string): unknown {
    if (!(error instanceof Error) || (error as { name?: string }).name === 'BriefcastError') return error;
    const aws = error as Error & { $metadata?: { httpStatusCode?: number }; $response?: { headers?: Record<string, string> } };
    const httpStatus = aws.$metadata?.httpStatusCode;
    if (error.name === 'CredentialsProviderError') return speechFailure({ provider: this.name, status: 401, reason: error.message, cause: error });
    if (/region is missing/i.test(error.message)) {
      return new BriefcastError(ErrorCodes.CONFIG_INVALID, 'set AWS_REGION (or a region in the AWS config file) for Polly', { subject: this.name, cause: error });
    }
    if (httpStatus === undefined) return speechFailure({ provider: this.name, reason: `${error.name}: ${error.message}`, cause: error });
    // Polly throttles with HTTP 400 and a ThrottlingException type, which is a rate limit, not a bad request.
    const status = /Throttl|TooManyRequests/.test(error.name) ? 429 : httpStatus;
    const voiceUnknown = error.name === 'EngineNotSupportedException' || (error.name === 'ValidationException' && /voiceId/i.test(error.message));
    const retryAfterSeconds = parseRetryAfter(aws.$response?.headers?.['retry-after']);
    const reason = `${error.name}: ${error.message}`;
    return speechFailure({ provider: this.name, status, reason, body: { type: error.name, message: error.message }, retryAfterSeconds, voiceUnknown, voice, cause: error });
  }
}
