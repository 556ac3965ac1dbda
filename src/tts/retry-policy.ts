import { setTimeout as sleepFor } from 'node:timers/promises';
import { BriefcastError, ErrorCodes, isBriefcastError } from '../core/errors.js';

/**
 * Retries for vendor calls: exponential backoff with jitter for errors marked
 * retryable (429, 5xx, network), the vendor's Retry-After when it sent one,
 * and no second attempt for anything else (bad key, unknown voice, refused text).
 */
export interface RetryPolicy {
  /** Attempts after the first. */
  maxRetries: number;
  /** First backoff step; doubles each attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this means "come back much later": give up instead of stalling a worker. */
  maxRetryAfterMs: number;
  /** Injectable for tests: [0, 1). */
  random?: () => number;
  /** Injectable for tests, e.g. to record the delays asked for. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 60_000,
};

export interface RetryNotice {
  attempt: number;
  delayMs: number;
  error: BriefcastError;
}

/** The wait before retry number `attempt` (1-based): half fixed, half random, so workers that failed together spread out. */
export function backoffDelay(policy: RetryPolicy, attempt: number, error: BriefcastError): number {
  if (error.retryAfterSeconds !== undefined) return Math.ceil(error.retryAfterSeconds * 1000);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (policy.random ?? Math.random)() * (ceiling / 2));
}

export async function withRetries<T>(
  run: () => Promise<T>,
  policy: RetryPolicy,
  options: { signal?: AbortSignal; onRetry?: (notice: RetryNotice) => void } = {},
): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number, signal?: AbortSignal) => sleepFor(ms, undefined, { signal }));
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      // Anything that is not a classified vendor failure is a bug or a local fault: retrying would hide it.
      if (!isBriefcastError(error) || !error.retryable || attempt > policy.maxRetries) throw error;
      const delayMs = backoffDelay(policy, attempt, error);
      if (error.retryAfterSeconds !== undefined && delayMs > policy.maxRetryAfterMs) {
        throw new BriefcastError(ErrorCodes.TTS_RATE_LIMITED, `${error.message} (asked to wait ${Math.round(delayMs / 1000)} s)`, {
          subject: error.subject,
          retryable: true,
          retryAfterSeconds: error.retryAfterSeconds,
          details: error.details,
          cause: error,
        });
      }
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, options.signal);
    }
  }
}
