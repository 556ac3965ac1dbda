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
}

export interface VoiceInfo {
  name: string;
  language: string;
  gender?: 'female' | 'male' | 'neutral';
  description?: string;
}

export interface SpeechRequest {
  text: string;
  voice: string;
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
  listVoices(): Promise<VoiceInfo[]>;
  synthesize(request: SpeechRequest): Promise<SpeechResult>;
  /** Frees worker threads or sockets. */
  close?(): Promise<void>;
}
