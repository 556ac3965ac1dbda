import { collapseSpaces, splitBlock } from './text-layout.js';

/** Never spoken: code that runs, styling, embeds, and pictures with their captions and alt text. */
export const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'iframe', 'template', 'svg', 'canvas', 'object', 'embed',
  'video', 'audio', 'picture', 'img', 'figcaption', 'button', 'select', 'input', 'textarea',
  'head', 'link', 'meta',
]);

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
  'body', 'html', 'caption',
]);

/** The subset of DOM nodes the walker needs; linkedom's nodes satisfy it. */
export interface DomNodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNodeLike>;
  getAttribute?: (name: string) => string | null;
}

export interface HtmlTextOptions {
  /** Skip blocks whose text is mostly link text (feed "Continue reading..." and "Related:" lines). */
  dropLinkOnlyBlocks?: boolean;
}

interface Block {
  text: string;
  linkChars: number;
}

/** Walks a DOM subtree and returns paragraphs: one per block element, `<br>` kept as a line break. */
export function htmlNodeToParagraphs(root: DomNodeLike, options: HtmlTextOptions = {}): string[] {
  const blocks: Block[] = [];
  let current: Block = { text: '', linkChars: 0 };
  const flush = () => {
    if (current.text.trim()) blocks.push(current);
    current = { text: '', linkChars: 0 };
  };
  const walk = (node: DomNodeLike, inLink: boolean) => {
    if (node.nodeType === 3) {
      // Source newlines in HTML are plain whitespace; only <br> breaks a line.
      const text = (node.textContent ?? '').replace(/\s+/g, ' ');
      current.text += text;
      if (inLink) current.linkChars += collapseSpaces(text).length;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toLowerCase();
    if (DROPPED_TAGS.has(tag)) return;
    if (node.getAttribute?.('hidden') != null || node.getAttribute?.('aria-hidden') === 'true') return;
    if (tag === 'br') {
      current.text += '\n';
      return;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) flush();
    const children = Array.from(node.childNodes);
    for (const child of children) walk(child, inLink || tag === 'a');
    if (isBlock) flush();
    else if (tag === 'td' || tag === 'th') current.text += ' ';
  };
  walk(root, false);
  flush();
  return blocks
    .filter((block) => !options.dropLinkOnlyBlocks || !isMostlyLinks(block))
    .flatMap((block) => splitBlock(block.text));
}

function isMostlyLinks(block: Block): boolean {
  const total = collapseSpaces(block.text).length;
  return total > 0 && block.linkChars / total > 0.7;
}
