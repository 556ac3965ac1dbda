/**
 * The one interface every text-to-speech vendor implements. Retries, caching,
 * chunking and rate limits live above it (synthesize-text.ts), not in adapters.
 */
export type AudioFormat = 'wav' | 'mp3' | 'ogg' | 'pcm_s16le';

export interface ProviderLimits {
  /** Longest text (or SSML) one request may carry. */
  maxCharacters: number;
  /** Requests per second the vendor allows; undefined means no published limit. */
  requestsPerSecond?: number;
  /** Whether `synthesize` accepts SSML input. */
  ssml: boolean;
  outputFormats: AudioFormat[];
  /** Published price per million characters in US dollars, where there is one. */
  pricePerMillionCharacters?: number;
  /** Longest SSML document one request may carry, tags included (defaults to maxCharacters). */
  maxSsmlCharacters?: number;
  /**
   * SSML elements the engine accepts (e.g. "break", "phoneme"); the SSML writer drops the rest,
   * because some vendors reject a whole request over one unsupported tag. Omitted means all.
   */
  ssmlTags?: readonly SsmlTag[];
}

export type SsmlTag = 'break' | 'emphasis' | 'p' | 's' | 'phoneme' | 'sub' | 'say-as' | 'prosody';

export interface VoiceInfo {
  name: string;
  language: string;
  gender?: 'female' | 'male' | 'neutral';
  description?: string;
}

export interface SpeechRequest {
  text: string;
  voice: string;
  /** Vendor model or engine (e.g. "tts-1", "neural"); the provider's default when omitted. */
  model?: string;
  /** Rate multiplier, 1 = the provider's normal rate. */
  speed: number;
  /** True when `text` is SSML (only sent to providers whose limits say ssml). */
  ssml?: boolean;
  /** Vendor-only options, validated by the adapter. */
  options?: Record<string, unknown>;
  signal?: AbortSignal;
}

export interface SpeechResult {
  audio: Uint8Array;
  format: AudioFormat;
  /** Needed for raw PCM; informative otherwise. */
  sampleRate?: number;
  /** Settings the vendor could not honour: reported, never thrown. */
  warnings?: string[];
}

export interface SpeechProvider {
  /** Registry name, e.g. "espeak". */
  readonly name: string;
  /**
   * Identifies the engine build and model, e.g. "espeak-ng-wasm@1.0.2". Part of every cache key,
   * so upgrading an engine re-synthesises and nothing else does.
   */
  readonly engineId: string;
  readonly limits: ProviderLimits;
  /** The model used when a request names none; part of engineId so changing it re-synthesises. */
  readonly defaultModel?: string;
  /** Limits that depend on the model (e.g. Polly's engines); `limits` when absent. */
  limitsFor?(model: string | undefined): ProviderLimits;
  listVoices(): Promise<VoiceInfo[]>;
  synthesize(request: SpeechRequest): Promise<SpeechResult>;
  /** Frees worker threads or sockets. */
  close?(): Promise<void>;
}
