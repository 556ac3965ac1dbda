/** Wire datelines ("LONDON (Reuters) -", "WASHINGTON —"): kept as Article.dateline, not spoken. */

const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const DATE = String.raw`(?:${MONTH}\s+\d{1,2}|\d{1,2}\s+${MONTH})`;
const AGENCY_TAG = String.raw`\([\p{L}][\p{L}. &'-]{0,30}\)`;
const DASH = String.raw`(?:--|[-—–])`;
/** City in capitals, optional region/date, optional (Agency), then a dash. */
const CAPS_DATELINE = new RegExp(
  String.raw`^(\p{Lu}[\p{Lu}.'’ -]*\p{Lu}\.?(?:,\s*[\p{L}. ]{2,30}?)?(?:,\s*${DATE})?\s*(?:${AGENCY_TAG})?\s*${DASH})\s+(?=\S)`,
  'u',
);
/** "London (Reuters) -" or "(CNN) --": mixed case is only trusted with an agency tag. */
const AGENCY_DATELINE = new RegExp(
  String.raw`^((?:\p{Lu}[\p{L}.'’ -]{1,30}?(?:,\s*${DATE})?\s*)?${AGENCY_TAG}\s*${DASH})\s+(?=\S)`,
  'u',
);

export interface DatelineSplit {
  dateline: string;
  rest: string;
}

function split(match: RegExpExecArray, paragraph: string): DatelineSplit | undefined {
  const dateline = match[1]?.trim();
  const rest = paragraph.slice(match[0].length).trim();
  return dateline && rest ? { dateline, rest } : undefined;
}

/** Splits a leading dateline off the first paragraph. */
export function extractDateline(paragraph: string): DatelineSplit | undefined {
  const caps = CAPS_DATELINE.exec(paragraph);
  // "US — China talks" is not a dateline: a caps city needs at least three capital letters.
  if (caps && (caps[1] ?? '').replace(/\(.*\)/, '').replace(/[^\p{Lu}]/gu, '').length >= 3) return split(caps, paragraph);
  const agency = AGENCY_DATELINE.exec(paragraph);
  return agency ? split(agency, paragraph) : undefined;
}
