/** Article metadata that pages publish outside the body: meta tags, canonical links, JSON-LD. */

export interface HtmlMetadata {
  title?: string;
  url?: string;
  byline?: string;
  siteName?: string;
  publishedAt?: string;
  language?: string;
}

/** Minimal view of a DOM document (linkedom's satisfies it) so this module stays parser-agnostic. */
interface QueryableDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
  documentElement?: { getAttribute(name: string): string | null } | null;
}

/** Parses a date the way pages write them and returns ISO 8601, or undefined when it is not a date. */
export function toIsoDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function absoluteUrl(value: string | null | undefined, base?: string): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function meta(doc: QueryableDocument, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const content = doc.querySelector(selector)?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

type JsonLdNode = Record<string, unknown>;

/** Flattens JSON-LD blocks (arrays, @graph) into the nodes that describe an article. */
function jsonLdArticles(doc: QueryableDocument): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const node = value as JsonLdNode;
      if (Array.isArray(node['@graph'])) visit(node['@graph']);
      const type = ([] as unknown[]).concat(node['@type'] ?? []).map(String);
      if (type.some((t) => /Article|Posting|Report/i.test(t))) nodes.push(node);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common on real pages and only costs us optional metadata.
    }
  }
  return nodes;
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => Boolean(name));
    return names.length ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object') return nameOf((value as JsonLdNode).name);
  return undefined;
}

/** Reads metadata before Readability runs, because Readability rewrites the document. */
export function extractHtmlMetadata(doc: QueryableDocument, baseUrl?: string): HtmlMetadata {
  const ld = jsonLdArticles(doc)[0];
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  return {
    title:
      meta(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
      (typeof ld?.headline === 'string' ? ld.headline : undefined) ??
      (doc.querySelector('title')?.textContent?.trim() || undefined),
    url: absoluteUrl(canonical, baseUrl) ?? absoluteUrl(meta(doc, ['meta[property="og:url"]']), baseUrl),
    byline: meta(doc, ['meta[name="author"]', 'meta[property="article:author"]']) ?? nameOf(ld?.author),
    siteName: meta(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']) ?? nameOf(ld?.publisher),
    publishedAt:
      toIsoDate(meta(doc, ['meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]'])) ??
      toIsoDate(ld?.datePublished),
    language: doc.documentElement?.getAttribute('lang')?.trim() || undefined,
  };
}
