import { redactUrlCredentials } from './readable.js';

/**
 * One error type for the whole pipeline. Callers act on `code` (stable across
 * process boundaries, unlike `instanceof`), `retryable` tells queues whether a
 * second attempt can succeed.
 */
export const ErrorCodes = {
  INPUT_EMPTY: 'INPUT_EMPTY',
  INPUT_BINARY: 'INPUT_BINARY',
  INPUT_TOO_LARGE: 'INPUT_TOO_LARGE',
  /** Input over a parsing or size cap (nesting depth, node count, words, parse time): a 422 with the cap named. */
  INPUT_LIMIT: 'INPUT_LIMIT',
  INPUT_ENCODING: 'INPUT_ENCODING',
  INPUT_NOT_FOUND: 'INPUT_NOT_FOUND',
  INPUT_UNSUPPORTED: 'INPUT_UNSUPPORTED',
  NO_EXTRACTABLE_TEXT: 'NO_EXTRACTABLE_TEXT',
  URL_INVALID: 'URL_INVALID',
  URL_REFUSED: 'URL_REFUSED',
  URL_UNREACHABLE: 'URL_UNREACHABLE',
  URL_HTTP_STATUS: 'URL_HTTP_STATUS',
  URL_TOO_MANY_REDIRECTS: 'URL_TOO_MANY_REDIRECTS',
  URL_TIMEOUT: 'URL_TIMEOUT',
  CONFIG_INVALID: 'CONFIG_INVALID',
  CONFIG_NOT_FOUND: 'CONFIG_NOT_FOUND',
  SCRIPT_INVALID: 'SCRIPT_INVALID',
  VOICE_UNKNOWN: 'VOICE_UNKNOWN',
  PROVIDER_UNKNOWN: 'PROVIDER_UNKNOWN',
  TTS_FAILED: 'TTS_FAILED',
  TTS_AUTH: 'TTS_AUTH',
  TTS_RATE_LIMITED: 'TTS_RATE_LIMITED',
  TTS_TEXT_REFUSED: 'TTS_TEXT_REFUSED',
  MODEL_MISSING: 'MODEL_MISSING',
  MODEL_CHECKSUM: 'MODEL_CHECKSUM',
  MODEL_DOWNLOAD: 'MODEL_DOWNLOAD',
  FFMPEG_MISSING: 'FFMPEG_MISSING',
  FFMPEG_FAILED: 'FFMPEG_FAILED',
  STORAGE_NOT_FOUND: 'STORAGE_NOT_FOUND',
  STORAGE_FAILED: 'STORAGE_FAILED',
  STORAGE_CONFLICT: 'STORAGE_CONFLICT',
  EPISODE_NOT_FOUND: 'EPISODE_NOT_FOUND',
  SHOW_NOT_FOUND: 'SHOW_NOT_FOUND',
  /** A distributed episode's parent step failed because a child step did (recorded only when no better reason is known). */
  CHILD_FAILED: 'CHILD_FAILED',
  LISTENER_NOT_FOUND: 'LISTENER_NOT_FOUND',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export interface BriefcastErrorOptions {
  /** The input the error is about (a path, URL, field): printed first in one-line messages. */
  subject?: string;
  retryable?: boolean;
  /** Seconds a caller should wait before retrying, when the remote side said so. */
  retryAfterSeconds?: number;
  cause?: unknown;
  details?: Record<string, unknown>;
}

export class BriefcastError extends Error {
  readonly code: ErrorCode;
  readonly subject?: string;
  readonly retryable: boolean;
  readonly retryAfterSeconds?: number;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: BriefcastErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'BriefcastError';
    this.code = code;
    this.subject = options.subject;
    this.retryable = options.retryable ?? false;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
  }

  /** "subject: message", the form the CLI prints. */
  toLine(): string {
    // Feed and webhook URLs may carry a user and password: never echo them.
    return redactUrlCredentials(this.subject ? `${this.subject}: ${this.message}` : this.message);
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: redactUrlCredentials(this.message),
      ...(this.subject ? { subject: redactUrlCredentials(this.subject) } : {}),
      retryable: this.retryable,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export function isBriefcastError(error: unknown, code?: ErrorCode): error is BriefcastError {
  if (!(error instanceof Error)) return false;
  const candidate = error as Partial<BriefcastError>;
  if (candidate.name !== 'BriefcastError' || typeof candidate.code !== 'string') return false;
  return code === undefined || candidate.code === code;
}

/** Wraps anything thrown into a BriefcastError without losing the original. */
export function toBriefcastError(error: unknown, fallback: ErrorCode = ErrorCodes.INTERNAL): BriefcastError {
  if (isBriefcastError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BriefcastError(fallback, message, { cause: error });
}
