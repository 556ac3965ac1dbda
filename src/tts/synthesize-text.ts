import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { createTokenBucketLimiter, type RateLimiter } from './rate-limiter.js';
import { defaultRetryPolicy, withRetries, type RetryNotice, type RetryPolicy } from './retry-policy.js';
import type { ProviderLimits, SpeechProvider, SpeechResult } from './speech-provider.js';
import { splitText } from './split-text.js';

/**
 * The one orchestration layer above the adapters: chunking under the vendor's
 * limit, the shared rate limiter and the retry policy all live here, so an
 * adapter only maps options and parses responses.
 */
export interface SynthesisServices {
  rateLimiter: RateLimiter;
  retry: RetryPolicy;
  /** Requests per second per provider name, overriding what a provider declares. */
  rateLimits: Record<string, number>;
  onRetry?: (provider: string, notice: RetryNotice) => void;
}

export function defaultSynthesisServices(overrides: Partial<SynthesisServices> = {}): SynthesisServices {
  return { rateLimiter: createTokenBucketLimiter(), retry: defaultRetryPolicy, rateLimits: {}, ...overrides };
}

/** What one request carries once a chunk is formatted for its provider. */
export interface FormattedChunk {
  text: string;
  ssml: boolean;
}

/** Formats the chunk at `index` (SSML or respelled text). The identity when absent. */
export type ChunkFormatter = (chunk: string, index: number) => FormattedChunk;

export interface SynthesisRequest {
  voice: string;
  model?: string;
  speed: number;
  options?: Record<string, unknown>;
  /** Plain spoken text; chunked on sentence boundaries before formatting. */
  text: string;
  format?: ChunkFormatter;
  signal?: AbortSignal;
}

export function limitsOf(provider: SpeechProvider, model: string | undefined): ProviderLimits {
  return provider.limitsFor?.(model) ?? provider.limits;
}

export function requestsPerSecond(provider: SpeechProvider, model: string | undefined, services: SynthesisServices): number | undefined {
  return services.rateLimits[provider.name] ?? limitsOf(provider, model).requestsPerSecond;
}

/** Chunks whose formatted form fits the provider's limit (SSML markup can push a chunk over it). */
export function planChunks(limits: ProviderLimits, text: string, format: ChunkFormatter = (chunk) => ({ text: chunk, ssml: false })): FormattedChunk[] {
  const out: FormattedChunk[] = [];
  const fit = (piece: string, limit: number, depth: number): void => {
    for (const chunk of splitText(piece, limit)) {
      const formatted = format(chunk, out.length);
      const max = formatted.ssml ? (limits.maxSsmlCharacters ?? limits.maxCharacters) : limits.maxCharacters;
      if (formatted.text.length <= max) {
        out.push(formatted);
        continue;
      }
      // Shrink in proportion to the overshoot; a few rounds always converge because words are short.
      const smaller = Math.floor((limit * max) / formatted.text.length) - 1;
      if (depth > 4 || smaller < 1) {
        throw new BriefcastError(ErrorCodes.TTS_TEXT_REFUSED, `cannot fit text under the ${max}-character limit`, { subject: chunk.slice(0, 60) });
      }
      fit(chunk, smaller, depth + 1);
    }
  };
  fit(text, limits.maxCharacters, 0);
  return out;
}

export async function synthesizeText(provider: SpeechProvider, request: SynthesisRequest, services: SynthesisServices): Promise<SpeechResult[]> {
  return synthesizeChunks(provider, planChunks(limitsOf(provider, request.model), request.text, request.format), request, services);
}

/** One request per chunk, in order, each rate-limited and retried on its own. */
export async function synthesizeChunks(
  provider: SpeechProvider,
  chunks: readonly FormattedChunk[],
  request: Omit<SynthesisRequest, 'text' | 'format'>,
  services: SynthesisServices,
): Promise<SpeechResult[]> {
  const rate = requestsPerSecond(provider, request.model, services);
  const results: SpeechResult[] = [];
  for (const chunk of chunks) {
    const result = await withRetries(
      async () => {
        if (rate !== undefined) await services.rateLimiter.acquire(provider.name, rate, request.signal);
        const result = await provider.synthesize({
          text: chunk.text,
          ssml: chunk.ssml || undefined,
          voice: request.voice,
          model: request.model,
          speed: request.speed,
          options: request.options,
          signal: request.signal,
        });
        // An empty body with a 200 is a vendor hiccup, not an answer: worth another attempt.
        if (result.audio.byteLength === 0) {
          throw new BriefcastError(ErrorCodes.TTS_FAILED, `${provider.name} returned no audio`, { subject: request.voice, retryable: true });
        }
        return result;
      },
      services.retry,
      { signal: request.signal, onRetry: (notice) => services.onRetry?.(provider.name, notice) },
    );
    results.push(result);
  }
  return results;
}
