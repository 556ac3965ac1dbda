/** Quotation marks a listener cannot follow: an opened quotation never closed, or a close never opened. */

export function quotesBalanced(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  if (straight % 2 !== 0) return false;
  let depth = 0;
  for (const ch of text) {
    if (ch === '“') depth++;
    else if (ch === '”') {
      depth--;
      if (depth < 0) return false;
    }
  }
  return depth === 0;
}
