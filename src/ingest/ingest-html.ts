import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article } from '../core/types.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { articleId } from './article-id.js';
import { extractHtmlMetadata, toIsoDate } from './html-metadata.js';
import { DROPPED_TAGS, htmlNodeToParagraphs, type DomNodeLike } from './html-to-text.js';
import { assertHtmlWithinLimits, defaultHtmlLimits, htmlTooDeep, roughHtmlDepth, type HtmlLimits } from './html-limits.js';
import { collapseSpaces } from './text-layout.js';

/** Page furniture that Readability sometimes keeps when the page is short. */
const FURNITURE = 'nav, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"]';
/** Small blocks styled as captions or credits; the size guard keeps wrappers that merely carry such a class. */
const CAPTION_LIKE = '[class*="caption"], [class*="credit"], [id*="caption"]';
const CAPTION_MAX_CHARS = 300;

type LinkedomDocument = ReturnType<typeof parseHTML>['document'];
type RemovableElement = { textContent: string | null; remove(): void };

function selectAll(document: LinkedomDocument, selector: string): RemovableElement[] {
  return Array.from(document.querySelectorAll(selector) as ArrayLike<RemovableElement>);
}

function removeNoise(document: LinkedomDocument): void {
  const selector = [...DROPPED_TAGS].filter((tag) => tag !== 'head' && tag !== 'meta' && tag !== 'link').join(', ');
  for (const element of selectAll(document, `${selector}, ${FURNITURE}`)) element.remove();
  for (const element of selectAll(document, CAPTION_LIKE)) {
    if ((element.textContent ?? '').length <= CAPTION_MAX_CHARS) element.remove();
  }
}

/** "Rail deal agreed | The Daily" -> "Rail deal agreed" when the suffix is the site's own name. */
function stripSiteSuffix(title: string, siteName: string | undefined): string {
  if (!siteName) return title;
  const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title.replace(new RegExp(`\\s+[|\\-–—:·]\\s+${escaped}\\s*$`, 'i'), '');
  return stripped || title;
}

function sameText(a: string, b: string): boolean {
  const norm = (value: string) => collapseSpaces(value).toLowerCase();
  return norm(a) === norm(b);
}

/** linkedom only builds a body for whole documents, so inline fragments get a skeleton. */
function asDocument(html: string): string {
  return /<(?:html|body)[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
}

/**
 * Extracts the readable body of an HTML page (or inline HTML) as an Article.
 * The parsed tree is checked against the caps before Readability walks it:
 * its cost grows faster than quadratically with nesting depth.
 */
export function ingestHtml(input: string, source: string, baseUrl?: string, limits: HtmlLimits = defaultHtmlLimits): Article {
  const html = asDocument(input);
  if (roughHtmlDepth(html, limits.maxDepth * 4) > limits.maxDepth * 4) throw htmlTooDeep(limits, source);
  const { document } = parseHTML(html);
  assertHtmlWithinLimits(document as unknown as Parameters<typeof assertHtmlWithinLimits>[0], limits, source);
  const metadata = extractHtmlMetadata(document, baseUrl);
  removeNoise(document);

  let title = metadata.title;
  let byline = metadata.byline;
  let siteName = metadata.siteName;
  let publishedAt = metadata.publishedAt;
  let paragraphs: string[] = [];

  // Readability only sees a document whose scripts, embeds and captions are already gone.
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 200,
  }).parse();
  if (parsed?.content) {
    const { document: contentDoc } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
    paragraphs = htmlNodeToParagraphs(contentDoc.body as unknown as DomNodeLike);
    title = parsed.title?.trim() || title;
    byline = byline ?? (parsed.byline?.trim() || undefined);
    siteName = siteName ?? (parsed.siteName?.trim() || undefined);
    publishedAt = publishedAt ?? toIsoDate(parsed.publishedTime);
  }
  if (paragraphs.length === 0) {
    // Fragments and very short pages: fall back to every remaining block of the body.
    const { document: fresh } = parseHTML(html);
    removeNoise(fresh);
    paragraphs = htmlNodeToParagraphs((fresh.body ?? fresh.documentElement) as unknown as DomNodeLike);
  }

  const firstHeading = paragraphs[0];
  if (!title && firstHeading && paragraphs.length > 1) {
    title = firstHeading;
  }
  if (title && firstHeading && sameText(title, firstHeading)) paragraphs = paragraphs.slice(1);
  const text = paragraphs.join('\n\n');
  if (!text.trim()) {
    throw new BriefcastError(ErrorCodes.NO_EXTRACTABLE_TEXT, 'no readable text found in the HTML', { subject: source });
  }
  const finalTitle = stripSiteSuffix(collapseSpaces(title ?? ''), siteName) || collapseSpaces(paragraphs[0] ?? '').slice(0, 120);
  return {
    id: articleId(finalTitle, text),
    title: finalTitle,
    text,
    source,
    ...(metadata.url ?? baseUrl ? { url: metadata.url ?? baseUrl } : {}),
    ...(byline ? { byline: byline.replace(/^by\s+/i, '') } : {}),
    ...(siteName ? { siteName } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(metadata.language ? { language: metadata.language } : {}),
  };
}
