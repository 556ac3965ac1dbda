/**
 * Symbols, emoji and letters of other scripts. A voice reads an emoji by its
 * Unicode name ("face with tears of joy") and spells a Hebrew or Cyrillic
 * word letter by letter, so both are dropped; symbols with a spoken meaning
 * become words in the show's language.
 */

export interface SymbolWords {
  and: string;
  /** The word for "#" before a number ("#1" -> "number 1"). */
  number: string;
  /** Letter scripts the voice can say (Unicode script names); empty keeps every script. */
  scripts: readonly string[];
}

const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}]/gu;
const DROPPED = /[•·|*†‡→←↑↓⇒►▶◆■□▪●○✓✔✗✘©®™#@^_\\{}<>]/g;

const FOREIGN = new Map<string, RegExp>();

function otherScripts(scripts: readonly string[]): RegExp | undefined {
  if (scripts.length === 0) return undefined;
  const key = scripts.join(',');
  const cached = FOREIGN.get(key);
  if (cached) return cached;
  const kept = [...scripts, 'Common', 'Inherited'].map((s) => `\\p{Script=${s}}`).join('');
  // A run of letters (with their marks) in any script not kept, plus the apostrophes and hyphens inside it.
  const re = new RegExp(`(?:(?![${kept}])\\p{L}\\p{M}*)+(?:['’-](?:(?![${kept}])\\p{L}\\p{M}*)+)*`, 'gu');
  FOREIGN.set(key, re);
  return re;
}

export function speakSymbols(text: string, words: SymbolWords): string {
  let out = text
    .replace(/(\d)\u{FE0F}?\u{20E3}/gu, '$1')
    .replace(EMOJI, ' ')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F\u200B\u2060\u00AD]/g, '')
    .replace(/\s&\s/g, ` ${words.and} `)
    .replace(/(\p{Lu})&(\p{Lu})/gu, `$1 ${words.and} $2`)
    .replace(/[\u2010\u2011\u2012]/g, '-')
    .replace(/(\d)\s?[–—]\s?(\d)/g, '$1-$2')
    .replace(/\s+[–—]+\s+|\s*—\s*|\s*-{2,}\s*/g, ', ')
    .replace(/…/g, '...');
  const foreign = otherScripts(words.scripts);
  if (foreign && foreign.test(out)) {
    // Quotation marks or brackets left holding nothing once the foreign words are gone go too.
    out = out
      .replace(foreign, ' ')
      .replace(/(["'“‘«(\[])[\s,.;:-]*([”’"'»)\]])/g, ' ');
  }
  return out.replace(/#\s?(?=\d)/g, `${words.number} `).replace(/#(?=\p{L})/gu, '').replace(DROPPED, ' ');
}
