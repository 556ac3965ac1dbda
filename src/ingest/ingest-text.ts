import { Marked } from 'marked';
import { parseHTML } from 'linkedom';
import type { Article } from '../core/types.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { articleId } from './article-id.js';
import { toIsoDate } from './html-metadata.js';
import { htmlNodeToParagraphs, type DomNodeLike } from './html-to-text.js';
import { assertMarkdownWithinLimits } from './html-limits.js';
import { collapseSpaces, layoutText } from './text-layout.js';

// `breaks` keeps single newlines as <br> so short credit or caption lines stay their own paragraph.
const markdown = new Marked({ gfm: true, breaks: true, async: false });

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

/** Markdown rendered to HTML, then read back as text: images vanish, links keep their words. */
function markdownToParagraphs(body: string): { heading?: string; paragraphs: string[] } {
  const html = markdown.parse(body) as string;
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const heading = document.querySelector('h1, h2, h3, h4, h5, h6');
  const headingText = heading ? collapseSpaces(heading.textContent ?? '') : undefined;
  heading?.remove();
  // Link-only blocks in Markdown are navigation ("- [Full league table](...)"), not story text.
  const paragraphs = htmlNodeToParagraphs(document.body as unknown as DomNodeLike, { dropLinkOnlyBlocks: true });
  return { heading: headingText || undefined, paragraphs };
}

/** Reads a plain-text or Markdown article: the first heading (or first line) is the headline. */
export function ingestText(text: string, source: string, format: 'text' | 'markdown'): Article {
  const normalised = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const { meta, body } = splitFrontMatter(normalised);
  let title = meta.title;
  let paragraphs: string[];
  if (format === 'markdown') {
    assertMarkdownWithinLimits(body, source);
    const parsed = markdownToParagraphs(body);
    title = title ?? parsed.heading;
    paragraphs = parsed.paragraphs;
  } else {
    paragraphs = layoutText(body).split('\n\n').filter(Boolean);
  }
  if (!title) {
    if (format === 'text') {
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
