/** What is left of images when a page or Markdown file is flattened to text. */

const BRACKETED_MEDIA = /^\[(?:image|photo|picture|graphic|video|illustration|chart|map|gallery|embed)\b[^\]]*\]$/i;
const ALT_LABEL = /^(?:alt(?:ernative)?[\s-]*text|image\s+(?:description|alt)|photo\s+description|description\s+of\s+(?:the\s+)?image)\s*[:\-–]/i;
const DESCRIBES_IMAGE = /^(?:an?\s+|the\s+)?(?:image|photo(?:graph)?|picture|graphic|illustration|screenshot|still)\s+(?:of|shows|showing|depicting)\b/i;
const FILE_NAME = /^\S*\.(?:jpe?g|png|gif|webp|svg|avif|heic)(?:\?\S*)?$/i;
const MARKDOWN_IMAGE = /!\[[^\]]*\]\([^)]*\)/g;

/** A paragraph that is only an image's alt text, label or file name. */
export function isAltTextLine(paragraph: string): boolean {
  if (BRACKETED_MEDIA.test(paragraph) || ALT_LABEL.test(paragraph) || FILE_NAME.test(paragraph)) return true;
  return paragraph.length <= 200 && DESCRIBES_IMAGE.test(paragraph);
}

/** Markdown image syntax left in plain-text sources: `![alt](src)`. */
export function stripImageSyntax(paragraph: string): string {
  return paragraph.replace(MARKDOWN_IMAGE, '').replace(/\s{2,}/g, ' ').trim();
}
