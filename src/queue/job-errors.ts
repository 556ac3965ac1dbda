import { UnrecoverableError } from 'bullmq';
import { BriefcastError, ErrorCodes, isBriefcastError, toBriefcastError } from '../core/errors.js';

/**
 * The worker edge: a BriefcastError says by its `retryable` flag whether a
 * second attempt can help. Those that cannot become BullMQ's UnrecoverableError,
 * which fails the job at once. Errors that are not ours (a dropped socket, a
 * bug) are retried: transient causes are the likelier ones.
 */
export function toJobError(error: unknown): Error {
  if (!isBriefcastError(error)) return error instanceof Error ? error : new Error(String(error));
  if (error.retryable) return error;
  const unrecoverable = new UnrecoverableError(`${error.code}: ${error.toLine()}`);
  // Kept so the failure handler can record the original code; BullMQ only stores the message.
  Object.defineProperty(unrecoverable, 'cause', { value: error, enumerable: false });
  return unrecoverable;
}

/** Recovers the BriefcastError behind a job failure, from the error object or from BullMQ's stored message. */
export function failureOf(error: Error): BriefcastError {
  const cause = (error as { cause?: unknown }).cause;
  if (isBriefcastError(cause)) return cause;
  if (isBriefcastError(error)) return error;
  const coded = /^([A-Z_]+): (.*)$/s.exec(error.message);
  if (coded && coded[1]! in ErrorCodes) return new BriefcastError(coded[1] as BriefcastError['code'], coded[2]!);
  return toBriefcastError(error);
}

/** How long the provider asked us to wait, when a failure is its rate limit. */
export function rateLimitDelayMs(error: unknown): number | undefined {
  if (!isBriefcastError(error, ErrorCodes.TTS_RATE_LIMITED) || error.retryAfterSeconds === undefined) return undefined;
  return Math.ceil(error.retryAfterSeconds * 1000);
}
