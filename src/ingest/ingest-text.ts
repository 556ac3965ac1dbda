import type { Article } from '../core/types.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { articleId } from './article-id.js';
import { toIsoDate } from './html-metadata.js';
import { collapseSpaces, layoutText } from './text-layout.js';

interface FrontMatter {
  title?: string;
  byline?: string;
  publishedAt?: string;
  url?: string;
  siteName?: string;
  language?: string;
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

/** Optional `key: value` header between `---` lines; unknown keys are ignored. */
function splitFrontMatter(input: string): { meta: FrontMatter; body: string } {
  const match = FRONT_MATTER.exec(input);
  if (!match) return { meta: {}, body: input };
  const meta: FrontMatter = {};
  for (const line of (match[1] ?? '').split('\n')) {
    const pair = /^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (!pair) continue;
    const key = (pair[1] ?? '').toLowerCase();
    const value = (pair[2] ?? '').replace(/^(['"])(.*)\1$/, '$2');
    if (!value) continue;
    if (key === 'title') meta.title = value;
    else if (key === 'author' || key === 'byline') meta.byline = value;
    else if (key === 'date' || key === 'published' || key === 'publishedat') meta.publishedAt = toIsoDate(value);
    else if (key === 'url' || key === 'link' || key === 'canonical') meta.url = value;
    else if (key === 'site' || key === 'sitename') meta.siteName = value;
    else if (key === 'language' || key === 'lang') meta.language = value;
  }
  return { meta, body: input.slice(match[0].length) };
}

/** A Markdown body's paragraphs and first heading (ingest-markdown.ts: it needs marked and linkedom, which only the worker pool loads). */
export type MarkdownReader = (body: string, source: string) => { heading?: string; paragraphs: string[] };

/** Reads a plain-text article: the first line is the headline, unless front matter names one. */
export function ingestText(text: string, source: string): Article {
  return articleFromText(text, source);
}

/**
 * A plain-text or (given its reader) Markdown article: front matter, then the
 * first heading (or first line) as the headline.
 */
export function articleFromText(text: string, source: string, readMarkdown?: MarkdownReader): Article {
  const normalised = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const { meta, body } = splitFrontMatter(normalised);
  let title = meta.title;
  let paragraphs: string[];
  if (readMarkdown) {
    const parsed = readMarkdown(body, source);
    title = title ?? parsed.heading;
    paragraphs = parsed.paragraphs;
  } else {
    paragraphs = layoutText(body).split('\n\n').filter(Boolean);
  }
  if (!title) {
    if (!readMarkdown) {
      // The headline is the first line as written, even when layout joined it with the next one.
      const firstLine = body.split('\n').map(collapseSpaces).find(Boolean);
      title = firstLine;
      const first = paragraphs[0];
      if (first && firstLine && first.startsWith(firstLine)) {
        const rest = first.slice(firstLine.length).trim();
        paragraphs = rest ? [rest, ...paragraphs.slice(1)] : paragraphs.slice(1);
      }
    } else {
      title = paragraphs.shift();
    }
  }
  // A one-line note is still a story: speak its only line.
  if (paragraphs.length === 0 && title) paragraphs = [title];
  const articleText = paragraphs.join('\n\n');
  if (!title || !articleText.trim()) {
    throw new BriefcastError(ErrorCodes.INPUT_EMPTY, 'no text to read', { subject: source });
  }
  return {
    id: articleId(title, articleText),
    title,
    text: articleText,
    source,
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.byline ? { byline: meta.byline } : {}),
    ...(meta.siteName ? { siteName: meta.siteName } : {}),
    ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
    ...(meta.language ? { language: meta.language } : {}),
  };
}
