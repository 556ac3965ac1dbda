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

/** Agencies whose tag may sit right against the first word ("(CNN)Officials said ..."). */
const AGENCIES = String.raw`(?:CNN|AP|AFP|Reuters|Bloomberg|UPI|dpa|DPA|ANSA|EFE|Xinhua|TASS|PA|AAP|BBC|Kyodo|Yonhap|PTI|IANS|EPA|CNBC|NBC|ABC|CBS|Mashable)`;
/** A place name, with the lowercase particles of names such as "Rio de Janeiro" or "Frankfurt am Main". */
const PLACE = String.raw`\p{Lu}[\p{L}.'’]+(?:[ -](?:(?:de|da|do|dos|del|du|la|le|les|lès|sur|sous|en|aux|el|al|am|an|von|van|upon|on)[ -])?\p{Lu}[\p{L}.'’]+){0,3}`;
/** "London (CNN)Officials" or "(CNN) Officials": a known agency tag, no dash, then the story. */
const GLUED_AGENCY = new RegExp(String.raw`^((?:${PLACE}(?:,\s*${PLACE})?\s*)?\(${AGENCIES}\))\s*(?=["“‘']?\p{Lu})`, 'u');
/** "Omaha, Nebraska (the Heartland Project)When": after a place, any short tag with no space before the first word. */
const GLUED_TAG = new RegExp(String.raw`^(${PLACE}(?:,\s*${PLACE})?\s*\([^()]{2,40}\))(?=["“‘']?\p{Lu}\p{Ll})`, 'u');
/** "Cairo, EgyptOfficials said": the page lost the break between the place and the first word. */
const GLUED_PLACE = new RegExp(String.raw`^(${PLACE},\s*(?:\p{Lu}[\p{Ll}]+[ -])?\p{Lu}\p{Ll}{3,})(?=\p{Lu}\p{Ll})`, 'u');
/** "LONDONThe government said": a capitals city glued to a word that typically opens a news sentence. */
const GLUED_CAPS = new RegExp(
  String.raw`^(\p{Lu}{3,}(?:[ -]\p{Lu}{2,}){0,2})(?=(?:The|An|In|At|On|After|Officials|Police|Authorities|Government|President|Prime|Residents|Rescuers|Protesters|Hundreds|Thousands|More|Two|Three|Several)\b)`,
  'u',
);

/** "LondonA photo", "Hong KongNestled ...": a mixed-case place glued to a word that opens a news sentence. */
const GLUED_CITY = new RegExp(
  String.raw`^((?:\p{Lu}\p{Ll}+[ -]){0,2}\p{Lu}\p{Ll}{2,})(?=(?:The|A|An|In|At|On|As|It|When|After|Officials|Police|Authorities)\s)`,
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

/** Splits a leading dateline off the first paragraph, also one glued to the first word. */
export function extractDateline(paragraph: string): DatelineSplit | undefined {
  const caps = CAPS_DATELINE.exec(paragraph);
  // "US — China talks" is not a dateline: a caps city needs at least three capital letters.
  if (caps && (caps[1] ?? '').replace(/\(.*\)/, '').replace(/[^\p{Lu}]/gu, '').length >= 3) return split(caps, paragraph);
  const agency = AGENCY_DATELINE.exec(paragraph);
  if (agency) return split(agency, paragraph);
  const glued = GLUED_AGENCY.exec(paragraph) ?? GLUED_TAG.exec(paragraph) ?? GLUED_PLACE.exec(paragraph) ?? GLUED_CAPS.exec(paragraph) ?? GLUED_CITY.exec(paragraph);
  return glued ? split(glued, paragraph) : undefined;
}
