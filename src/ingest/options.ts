/** Limits and policy for reading sources. Kept apart from index.ts so helpers can import it without a cycle. */
export interface IngestOptions {
  /**
   * Allow loopback, private, link-local, CGNAT and other non-public addresses (default false).
   * Cloud metadata endpoints stay refused either way: no news lives there.
   */
  allowPrivateNetwork: boolean;
  /** Whole request budget in milliseconds, redirects and body included (default 15000). */
  fetchTimeoutMs: number;
  /** Largest file or HTTP body read, in bytes (default 5 MiB). */
  maxBytes: number;
  /** Redirect hops followed before giving up (default 5). */
  maxRedirects: number;
  userAgent: string;
}

export const defaultIngestOptions: IngestOptions = Object.freeze({
  allowPrivateNetwork: false,
  fetchTimeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'Briefcast/0.1 (+https://github.com/briefcast)',
});

export function resolveIngestOptions(options: Partial<IngestOptions> = {}): IngestOptions {
  const merged = { ...defaultIngestOptions };
  // Ignore explicit undefineds so a caller can spread optional config without erasing defaults.
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
