import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures: HMAC-SHA256 over `${timestamp}.${body}` with the show's
 * secret. The timestamp is signed too, so a captured delivery cannot be
 * replayed later with a fresh timestamp; receivers refuse old timestamps.
 */
export const SIGNATURE_HEADER = 'briefcast-signature';
export const TIMESTAMP_HEADER = 'briefcast-timestamp';
export const EVENT_HEADER = 'briefcast-event';
export const DELIVERY_HEADER = 'briefcast-delivery';

/** How far a receiver should accept a timestamp from its own clock, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signPayload(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export type VerifyResult = { valid: true } | { valid: false; reason: string };

/** What a receiver runs (see docs/api.md): the signature matches and the timestamp is recent. */
export function verifySignature(
  secret: string,
  headers: { timestamp?: string | null; signature?: string | null },
  body: string,
  options: { now?: Date; toleranceSeconds?: number } = {},
): VerifyResult {
  const timestamp = Number(headers.timestamp);
  if (!headers.timestamp || !Number.isInteger(timestamp)) return { valid: false, reason: 'missing or malformed timestamp' };
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { valid: false, reason: 'timestamp outside the replay window' };
  const expected = Buffer.from(signPayload(secret, timestamp, body));
  const given = Buffer.from(headers.signature ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { valid: false, reason: 'signature mismatch' };
  return { valid: true };
}
