import { BriefcastError, ErrorCodes } from '../core/errors.js';

/**
 * Feeds and apps resolve nothing relative: every URL Briefcast publishes is an
 * absolute http(s) URL, or it is left out.
 */
export function absoluteUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** For URLs a feed cannot do without (its own, the audio): a relative one is a configuration mistake. */
export function requireAbsoluteUrl(value: string, what: string): string {
  if (!absoluteUrl(value)) {
    throw new BriefcastError(ErrorCodes.CONFIG_INVALID, `${what} must be an absolute http(s) URL; set BRIEFCAST_PUBLIC_URL`, { subject: value });
  }
  return value;
}
