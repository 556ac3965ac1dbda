import { BriefcastError, ErrorCodes } from '../core/errors.js';

/**
 * Turns a vendor's failed response into the one error type, so the retry layer
 * (synthesize-text.ts) decides from `code` and `retryable` alone and never
 * needs to know which vendor it is talking to.
 */
export interface SpeechFailure {
  provider: string;
  /** HTTP status; undefined when no response arrived (connection refused, reset, timeout). */
  status?: number;
  /** The vendor's own explanation, shown to the producer in the episode status. */
  reason?: string;
  /** Parsed or raw response body, kept (truncated) in `details` for logs. */
  body?: unknown;
  retryAfterSeconds?: number;
  /** Set by adapters that can tell from the vendor's answer that the voice does not exist. */
  voiceUnknown?: boolean;
  voice?: string;
  cause?: unknown;
}

const MAX_BODY_CHARS = 2000;

export function speechFailure(failure: SpeechFailure): BriefcastError {
  const { provider, status } = failure;
  const reason = failure.reason?.trim() || (status === undefined ? 'no response' : `HTTP ${status}`);
  const details = { provider, ...(status === undefined ? {} : { status }), ...(failure.body === undefined ? {} : { body: truncate(failure.body) }) };
  const base = { details, cause: failure.cause, retryAfterSeconds: failure.retryAfterSeconds };
  const message = `${provider}${status === undefined ? '' : ` ${status}`}: ${reason}`;

  if (failure.voiceUnknown) {
    return new BriefcastError(ErrorCodes.VOICE_UNKNOWN, message, { ...base, subject: failure.voice ?? provider, retryable: false });
  }
  if (status === undefined) return new BriefcastError(ErrorCodes.TTS_FAILED, message, { ...base, subject: provider, retryable: true });
  if (status === 401 || status === 403) {
    return new BriefcastError(ErrorCodes.TTS_AUTH, message, { ...base, subject: provider, retryable: false });
  }
  if (status === 429) return new BriefcastError(ErrorCodes.TTS_RATE_LIMITED, message, { ...base, subject: provider, retryable: true });
  // 408 and 5xx are the server's trouble, not the request's: another attempt may succeed.
  if (status === 408 || status >= 500) return new BriefcastError(ErrorCodes.TTS_FAILED, message, { ...base, subject: provider, retryable: true });
  return new BriefcastError(ErrorCodes.TTS_TEXT_REFUSED, message, { ...base, subject: provider, retryable: false });
}

/** Seconds to wait from a Retry-After header: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, (date - now) / 1000);
}

/** Pulls a human reason out of common error body shapes ({error:{message}}, {detail:{message}}, {message}). */
export function reasonFromBody(body: unknown): string | undefined {
  if (typeof body === 'string') return body.slice(0, 500) || undefined;
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['error', 'detail']) {
    const inner = record[key];
    if (typeof inner === 'string') return inner;
    if (Array.isArray(inner)) return inner.map((item) => reasonFromBody(item) ?? '').filter(Boolean).join('; ') || undefined;
    const nested = reasonFromBody(inner);
    if (nested) return nested;
  }
  for (const key of ['message', 'msg', 'Message']) if (typeof record[key] === 'string') return record[key] as string;
  return undefined;
}

function truncate(body: unknown): unknown {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (text === undefined) return undefined;
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}…` : body;
}
