import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Private feed tokens: 32 random bytes (256 bits) in base64url, so 43
 * characters. Only the SHA-256 hash is stored; a token is found by its hash
 * and the stored hash is compared in constant time, so a near-miss costs the
 * same as a stranger.
 */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newListenerToken(): string {
  return randomBytes(32).toString('base64url');
}

export function wellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time equality of two hex hashes of the same length. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** For logs: the route with the token replaced, so tokens never reach a log line. */
export function redactTokenPath(url: string): string {
  return url.replace(/\/l\/[^/?#]+/, '/l/[token]');
}
