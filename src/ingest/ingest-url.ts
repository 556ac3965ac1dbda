import type { Article } from '../core/types.js';
import { assertTextual, decodeHtml } from './decode.js';
import { assertWordsWithin } from './html-limits.js';
import { extractHtml, extractMarkdown } from './off-thread-parsing.js';
import { ingestText } from './ingest-text.js';
import { htmlLimitsOf, type IngestOptions } from './options.js';
import { safeFetch, type SafeFetchOptions } from './safe-fetch.js';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const TEXT_TYPES = new Set(['text/plain', 'text/markdown', 'text/x-markdown']);

export function isUrlSource(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source.trim());
}

/** Fetches one article page through safe-fetch and extracts it; the source stays the URL as given. */
export async function ingestUrl(source: string, options: IngestOptions, extra: Pick<SafeFetchOptions, 'lookup' | 'addressPolicy'> = {}): Promise<Article> {
  const response = await safeFetch(source, {
    ...options,
    ...extra,
    accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5,text/markdown;q=0.5',
    // No content type at all: accept and sniff below rather than reject a sloppy server.
    isAllowedType: (type) => type === '' || HTML_TYPES.has(type) || TEXT_TYPES.has(type),
  });
  // The same sniffing files get: a binary body (an image, an archive, a bomb's zeros) is refused before any parser sees it.
  assertTextual(response.body, source);
  const decoded = decodeHtml(response.body, response.charset ? { declaredCharset: response.charset } : {});
  const article =
    response.mediaType === 'text/plain'
      ? { ...ingestText(decoded, source), url: response.url }
      : TEXT_TYPES.has(response.mediaType)
        ? { ...(await extractMarkdown(decoded, source, htmlLimitsOf(options))), url: response.url }
        : await extractHtml(decoded, source, response.url, htmlLimitsOf(options));
  assertWordsWithin(article.text, options.maxWordsPerArticle, source);
  return article;
}
