/** Stage 1: read articles from files, folders and URLs into raw (uncleaned) Articles. */
import { stat } from 'node:fs/promises';
import type { Article } from '../core/types.js';
import { BriefcastError, ErrorCodes, toBriefcastError } from '../core/errors.js';
import { ingestFile, listArticleFiles } from './ingest-file.js';
import { ingestUrl, isUrlSource } from './ingest-url.js';
import { resolveIngestOptions, type IngestOptions } from './options.js';
import { redactUrl } from '../core/redact.js';

export { defaultIngestOptions, htmlLimitsOf, resolveIngestOptions, type IngestOptions } from './options.js';
export { extractHtml } from './off-thread-parsing.js';
export { assertWordsWithin } from './html-limits.js';
export { ingestText } from './ingest-text.js';
export { articleId } from './article-id.js';
export { checkAddress, checkHostname, type AddressVerdict } from './address-policy.js';
export { safeFetch, type AddressPolicy, type SafeFetchOptions, type SafeFetchResponse } from './safe-fetch.js';

async function ingestOne(source: string, options: IngestOptions): Promise<Article[]> {
  if (isUrlSource(source)) return [await ingestUrl(source, options)];
  const info = await stat(source).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
      throw new BriefcastError(ErrorCodes.INPUT_NOT_FOUND, 'no such file or folder', { subject: source, cause: error });
    }
    throw toBriefcastError(error);
  });
  if (!info.isDirectory()) return [await ingestFile(source, options)];
  const files = await listArticleFiles(source);
  if (files.length === 0) {
    throw new BriefcastError(ErrorCodes.INPUT_EMPTY, 'folder holds no .txt, .md, .markdown, .html or .htm files', { subject: source });
  }
  const articles: Article[] = [];
  for (const file of files) articles.push(await ingestFile(file, options));
  return articles;
}

/**
 * Files (.txt, .md, .markdown, .html, .htm), folders of these and http(s) URLs, read one
 * after another (a briefing has few sources; sequential keeps memory and sockets bounded).
 * Returns raw articles in input order; the first bad input throws its BriefcastError.
 */
export async function ingestSources(sources: string[], options: Partial<IngestOptions> = {}): Promise<Article[]> {
  const resolved = resolveIngestOptions(options);
  const articles: Article[] = [];
  for (const source of sources) {
    try {
      articles.push(...(await ingestOne(source, resolved)));
    } catch (error) {
      const wrapped = toBriefcastError(error);
      // Unknown failures still name the input, so the CLI line says which one broke.
      if (wrapped.subject === undefined) {
        throw new BriefcastError(wrapped.code, wrapped.message, { subject: redactUrl(source), retryable: wrapped.retryable, cause: error });
      }
      throw wrapped;
    }
  }
  return articles;
}
