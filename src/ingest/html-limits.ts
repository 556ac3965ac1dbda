import { BriefcastError, ErrorCodes } from '../core/errors.js';

/** Caps on a parsed HTML document, checked before any extractor walks it. */
export interface HtmlLimits {
  /** Deepest element nesting (real pages stay under about 40; Readability's cost grows steeply with depth). */
  maxDepth: number;
  /** Elements and text nodes in the whole document. */
  maxNodes: number;
}

export const defaultHtmlLimits: HtmlLimits = Object.freeze({ maxDepth: 256, maxNodes: 200_000 });

interface NodeLike {
  childNodes: ArrayLike<NodeLike>;
}

export function htmlTooDeep(limits: HtmlLimits, subject: string): BriefcastError {
  return new BriefcastError(ErrorCodes.INPUT_LIMIT, `HTML nests deeper than ${limits.maxDepth} elements`, { subject, details: { limit: 'maxHtmlDepth', max: limits.maxDepth } });
}

/**
 * One iterative pass (no recursion, so no stack to overflow) that stops at the
 * first cap exceeded. Throws INPUT_LIMIT naming the cap.
 */
export function assertHtmlWithinLimits(root: NodeLike, limits: HtmlLimits, subject: string): void {
  const stack: Array<[NodeLike, number]> = [[root, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    nodes += 1;
    if (nodes > limits.maxNodes) {
      throw new BriefcastError(ErrorCodes.INPUT_LIMIT, `HTML has more than ${limits.maxNodes} nodes`, { subject, details: { limit: 'maxHtmlNodes', max: limits.maxNodes } });
    }
    if (depth > limits.maxDepth) throw htmlTooDeep(limits, subject);
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) stack.push([children[i]!, depth + 1]);
  }
}

/** Elements that never hold others, or that the HTML parser closes by itself when a sibling opens. */
const NON_NESTING = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th']);

/**
 * A cheap guard before the DOM is built: linkedom's own cost grows steeply with
 * depth (200,000 nested divs take over 10 s). Counts open minus close tags,
 * ignoring elements that do not nest; sloppy HTML over-counts, so callers
 * compare with a multiple of the real cap and let the DOM check decide.
 */
export function roughHtmlDepth(html: string, stopAt: number): number {
  let depth = 0;
  let deepest = 0;
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const name = match[2]!.toLowerCase();
    if (NON_NESTING.has(name) || match[3]) continue;
    if (match[1]) depth = Math.max(0, depth - 1);
    else {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAt) return deepest;
    }
  }
  return deepest;
}

/** Deepest element nesting of XML text, by one linear scan of its tags (comments, CDATA and declarations skipped). */
export function xmlDepth(text: string, stopAt: number): number {
  let depth = 0;
  let deepest = 0;
  const tag = /<(!--[\s\S]*?-->|!\[CDATA\[[\s\S]*?\]\]>|![^>]*>|\?[\s\S]*?\?>|\/[^>]*>|[^>]*?(\/)?>)/g;
  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    const body = match[1]!;
    if (body.startsWith('!') || body.startsWith('?')) continue;
    if (body.startsWith('/')) depth -= 1;
    else if (!match[2]) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAt) return deepest;
    }
  }
  return deepest;
}

/** Words in a text, counted without building an array (an article may be megabytes). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0xa0;
    if (!space && !inWord) words += 1;
    inWord = !space;
  }
  return words;
}

/** The article cap: a longer article is refused as a whole, never silently cut. */
export function assertWordsWithin(text: string, maxWords: number, subject: string): void {
  const words = countWords(text);
  if (words > maxWords) {
    throw new BriefcastError(ErrorCodes.INPUT_LIMIT, `article has ${words} words, more than the ${maxWords} allowed (BRIEFCAST_MAX_WORDS_PER_ARTICLE)`, {
      subject,
      details: { limit: 'maxWordsPerArticle', max: maxWords, words },
    });
  }
}

/** Markdown caps: marked recurses per nesting level and slows steeply on deep lists and long emphasis runs. */
const MAX_MARKDOWN_QUOTE_DEPTH = 16;
const MAX_MARKDOWN_INDENT = 64;
const MAX_MARKDOWN_RUN = 128;

/** A linear pre-scan of Markdown source, before marked parses it; throws INPUT_LIMIT naming what is too deep. */
export function assertMarkdownWithinLimits(text: string, subject: string): void {
  const fail = (message: string, limit: string, max: number) => new BriefcastError(ErrorCodes.INPUT_LIMIT, message, { subject, details: { limit, max } });
  for (const line of text.split('\n')) {
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    if (indent > MAX_MARKDOWN_INDENT) throw fail(`Markdown is indented deeper than ${MAX_MARKDOWN_INDENT} columns`, 'markdownIndent', MAX_MARKDOWN_INDENT);
    const quotes = /^(?:\s*>)*/.exec(line)![0].split('>').length - 1;
    if (quotes > MAX_MARKDOWN_QUOTE_DEPTH) throw fail(`Markdown quotes nest deeper than ${MAX_MARKDOWN_QUOTE_DEPTH} levels`, 'markdownQuoteDepth', MAX_MARKDOWN_QUOTE_DEPTH);
  }
  if (new RegExp(`[*_~\`\\[\\]]{${MAX_MARKDOWN_RUN + 1}}`).test(text)) {
    throw fail(`Markdown has a run of more than ${MAX_MARKDOWN_RUN} emphasis or bracket marks`, 'markdownRun', MAX_MARKDOWN_RUN);
  }
}
