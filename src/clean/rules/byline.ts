/** Author lines: moved into Article.byline, never read aloud. */

const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|di|van|von|der|den|la|le|bin|al|el|du|dos))*`;
const NOT_A_NAME = /^(?:the|a|an|this|that|then|now|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|midday|noon|midnight|night|morning|evening|late|early|contrast|comparison|law|far|all)\b/i;
/** "By Jane Doe", "By Jane Doe and Li Wei, Political Editor", "BY JANE DOE | Reuters". */
const BYLINE = new RegExp(
  String.raw`^(?:[Bb][Yy]|BY)\s+(${NAME}(?:\s*(?:,|and|&)\s*${NAME})*)(?:\s*(?:,|\||–|—|-|\bin\b)\s*([^.!?]{1,70}))?\.?$`,
  'u',
);
/** Wire-copy footers: "Reporting by Jane Doe; Editing by John Roe", one credit per `;` segment. */
const STAFF_SEGMENT = /^\(?(?:additional\s+)?(?:reporting|writing|editing|research|compiled|produced|graphics?|photos?)(?:\s+and\s+\w+)?\s+by\s+(.+?)\)?\.?$/i;
/** After "by" only names and joining words: "the BBC found that..." is a sentence, not a footer. */
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|and|in|of|the|de|da|la|le|van|von|al|from|at|with|&|,)$/u;

/** The byline text of an author line, or undefined when the paragraph is not one. */
export function extractByline(paragraph: string): string | undefined {
  if (paragraph.length > 140) return undefined;
  const match = BYLINE.exec(paragraph);
  const names = match?.[1];
  if (!match || !names || NOT_A_NAME.test(names)) return undefined;
  // Words after the names must read like a role or place, not a clause with a verb phrase.
  const role = match[2]?.trim();
  if (role && role.split(/\s+/).length > 8) return undefined;
  return role ? `${names}, ${role}` : names;
}

export function isStaffFooter(paragraph: string): boolean {
  if (paragraph.length > 220) return false;
  return paragraph.split(';').every((segment) => {
    const names = STAFF_SEGMENT.exec(segment.trim())?.[1];
    return names !== undefined && names.replace(/,/g, ' , ').split(/\s+/).filter(Boolean).every((word) => NAME_WORD.test(word));
  });
}
