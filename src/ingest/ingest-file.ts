import { open, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Article } from '../core/types.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { assertTextual, decodeHtml, decodeUtf8Strict } from './decode.js';
import { assertWordsWithin } from './html-limits.js';
import { extractHtml, extractMarkdown } from './off-thread-parsing.js';
import { ingestText } from './ingest-text.js';
import { htmlLimitsOf, type IngestOptions } from './options.js';
import { formatBytes } from '../core/readable.js';

type FileFormat = 'text' | 'markdown' | 'html';

const FORMATS: Record<string, FileFormat> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

export function fileFormat(path: string): FileFormat | undefined {
  return FORMATS[extname(path).toLowerCase()];
}

/** Reads in chunks and stops past maxBytes, so a file that grows after stat cannot blow the cap. */
async function readCapped(path: string, maxBytes: number, subject: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) {
        throw new BriefcastError(ErrorCodes.INPUT_TOO_LARGE, `larger than ${formatBytes(maxBytes)}`, { subject, details: { maxBytes } });
      }
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return new Uint8Array(Buffer.concat(chunks, total));
  } finally {
    await handle.close();
  }
}

/** One article file; `subject` is the path as the user gave it (a folder entry uses its joined path). */
export async function ingestFile(path: string, options: IngestOptions, subject = path): Promise<Article> {
  const format = fileFormat(path);
  if (!format) {
    throw new BriefcastError(ErrorCodes.INPUT_UNSUPPORTED, 'unsupported file type (use .txt, .md, .markdown, .html or .htm)', { subject });
  }
  const info = await stat(path);
  if (info.size > options.maxBytes) {
    throw new BriefcastError(ErrorCodes.INPUT_TOO_LARGE, `larger than ${formatBytes(options.maxBytes)}`, { subject, details: { maxBytes: options.maxBytes } });
  }
  const bytes = await readCapped(path, options.maxBytes, subject);
  assertTextual(bytes, subject);
  if (format === 'html') {
    const article = await extractHtml(decodeHtml(bytes, { strictSubject: subject }), subject, undefined, htmlLimitsOf(options));
    assertWordsWithin(article.text, options.maxWordsPerArticle, subject);
    return article;
  }
  const text = decodeUtf8Strict(bytes, subject);
  if (!text.trim()) throw new BriefcastError(ErrorCodes.INPUT_EMPTY, 'the file is empty', { subject });
  assertWordsWithin(text, options.maxWordsPerArticle, subject);
  if (format === 'markdown') return extractMarkdown(text, subject, htmlLimitsOf(options));
  return ingestText(text, subject);
}

/**
 * Supported files of a folder, sorted by name; sub-folders are walked the same way except
 * hidden ones. Other files are skipped so a folder can hold notes or a show.json too.
 */
export async function listArticleFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listArticleFiles(path)));
    else if (entry.isFile() && fileFormat(entry.name)) files.push(path);
  }
  return files;
}
