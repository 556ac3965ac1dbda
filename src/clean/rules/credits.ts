import { AGENCY } from './agencies.js';

/** Labels that introduce a picture or video credit. */
const LABEL = String.raw`(?:photo(?:graph)?|picture|image|video|footage|illustration|graphic|main\s+image|top\s+image)s?`;

const LABELLED_CREDIT = new RegExp(String.raw`^\(?${LABEL}\s*(?::|\||(?:credit|source|copyright)\b\s*[:,]?)`, 'i');
const CREDIT_WORD = /^\(?(?:credits?|image\s+copyright|copyright\s+(?:photo|image|picture)|courtesy(?:\s+of)?)\b\s*:?/i;
/** "(Getty Images)", "AP Photo/Jane Doe", "Jane Doe/Reuters", "AFP via Getty Images". */
const AGENCY_ONLY = new RegExp(
  String.raw`^\(?\s*(?:(?:[\p{L}.' -]{2,40}\s*/\s*)?${AGENCY}(?:\s+(?:photos?|pictures?|images|via\s+Getty\s+Images))?(?:\s*/\s*[\p{L}.' -]{2,40})?)\s*\)?\.?$`,
  'iu',
);
const MAX_CREDIT_LINE = 160;

/** A whole paragraph that is only a picture/video credit. */
export function isCreditLine(paragraph: string): boolean {
  if (paragraph.length > MAX_CREDIT_LINE) return false;
  if (LABELLED_CREDIT.test(paragraph) || CREDIT_WORD.test(paragraph)) return true;
  // Bare "AP" or "PA" on a line is still a credit; in prose they only appear inside sentences.
  return AGENCY_ONLY.test(paragraph);
}

/** A credit fragment: "Credit: PA", "Photograph: Jane Doe/Reuters", "Image source, Getty Images". */
const TAIL_CREDIT = new RegExp(
  String.raw`^\(?(?:${LABEL}\s*(?:(?:credit|source|copyright)\s*[:,|]?|[:|])|credits?\s*[:|]|image\s+copyright\b:?)\s*[^.!?]{1,80}\)?\.?$`,
  'i',
);
const SENTENCE_END = /[.!?…]["”’)]?\s+/g;

/** Splits a credit off the end of a paragraph ("... at dawn. Credit: PA"): the text before it, or undefined. */
export function splitTrailingCredit(paragraph: string): string | undefined {
  for (const boundary of paragraph.matchAll(SENTENCE_END)) {
    const cut = boundary.index + boundary[0].length;
    if (TAIL_CREDIT.test(paragraph.slice(cut))) return paragraph.slice(0, cut).trim();
  }
  return undefined;
}

/** "(Getty Images)", "(AP Photo/Jane Doe)", "(Photo: Reuters)" anywhere in a sentence. */
const PARENTHETICAL_CREDIT = new RegExp(
  String.raw`\s*\((?:(?:${LABEL}|credit)\s*:?\s*)?(?:${AGENCY})(?:\s+(?:photos?|pictures?|images|via\s+Getty\s+Images))?(?:\s*/\s*[^()]{1,40})?\)`,
  'giu',
);

export function stripParentheticalCredits(paragraph: string): string {
  return paragraph.replace(PARENTHETICAL_CREDIT, (match) => {
    // "(EPA)" is the US environment agency as often as a photo agency; need a label, slash or "Photo".
    const inner = match.trim().slice(1, -1).trim();
    if (/^(?:AP|PA|EPA)$/i.test(inner)) return match;
    return '';
  });
}
