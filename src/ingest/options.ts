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
  /** Deepest HTML element nesting accepted (default 256). */
  maxHtmlDepth: number;
  /** Most HTML nodes in one page (default 200,000). */
  maxHtmlNodes: number;
  /** Longest one page may take to extract, off the main thread (default 10000 ms). */
  parseTimeoutMs: number;
  /** Most words in one article; a longer one is refused, never cut (default 30,000). */
  maxWordsPerArticle: number;
}

export const defaultIngestOptions: IngestOptions = Object.freeze({
  allowPrivateNetwork: false,
  fetchTimeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'Briefcast/0.1 (+https://github.com/briefcast)',
  maxHtmlDepth: 256,
  maxHtmlNodes: 200_000,
  parseTimeoutMs: 10_000,
  maxWordsPerArticle: 30_000,
});

/** The HTML caps of a set of ingest options, for the extraction pool. */
export function htmlLimitsOf(options: IngestOptions): { maxDepth: number; maxNodes: number; parseTimeoutMs: number } {
  return { maxDepth: options.maxHtmlDepth, maxNodes: options.maxHtmlNodes, parseTimeoutMs: options.parseTimeoutMs };
}

export function resolveIngestOptions(options: Partial<IngestOptions> = {}): IngestOptions {
  const merged = { ...defaultIngestOptions };
  // Ignore explicit undefineds so a caller can spread optional config without erasing defaults.
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
