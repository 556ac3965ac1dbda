/** Markdown articles: rendered to HTML by marked, then read back as text (loaded only in the worker pool). */
import { Marked } from 'marked';
import { parseHTML } from 'linkedom';
import type { Article } from '../core/types.js';
import { htmlNodeToParagraphs, type DomNodeLike } from './html-to-text.js';
import { assertMarkdownWithinLimits } from './html-limits.js';
import { articleFromText } from './ingest-text.js';
import { collapseSpaces } from './text-layout.js';

// `breaks` keeps single newlines as <br> so short credit or caption lines stay their own paragraph.
const markdown = new Marked({ gfm: true, breaks: true, async: false });

/** Markdown rendered to HTML, then read back as text: images vanish, links keep their words. */
function markdownToParagraphs(body: string, source: string): { heading?: string; paragraphs: string[] } {
  assertMarkdownWithinLimits(body, source);
  const html = markdown.parse(body) as string;
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const heading = document.querySelector('h1, h2, h3, h4, h5, h6');
  const headingText = heading ? collapseSpaces(heading.textContent ?? '') : undefined;
  heading?.remove();
  // Link-only blocks in Markdown are navigation ("- [Full league table](...)"), not story text.
  const paragraphs = htmlNodeToParagraphs(document.body as unknown as DomNodeLike, { dropLinkOnlyBlocks: true });
  return { heading: headingText || undefined, paragraphs };
}

/** Reads a Markdown article: the first heading is the headline, unless front matter names one. */
export function ingestMarkdown(text: string, source: string): Article {
  return articleFromText(text, source, markdownToParagraphs);
}
