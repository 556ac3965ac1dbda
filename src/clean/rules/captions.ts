import { splitSentences } from '../sentences.js';
import { isKickerLabel } from './kickers.js';

/** Labels that only ever open a caption, a media teaser or a gallery line. */
const CAPTION_LABEL =
  /^(?:(?:watch|video|listen|audio|gallery|in\s+pictures|in\s+video|caption|pictured(?:\s+(?:above|below|left|right|here))?|see)\s*[:|\-–—]|(?:media|image|video|photo)\s+caption\b|pictured\b|(?:watch|listen|video)\s*$)/i;

/** How a teaser hands over to a reporter: "... Sam Lee reports", "... has more", "... went to find out". */
const HANDOVER =
  /\b(?:reports?(?:\s+from\s+[\p{L} .'-]{2,40})?|explains?|has\s+(?:more|the\s+(?:latest|details|story))|has\s+this\s+report|looks?\s+(?:at|back)(?:\s+[\p{L} ']{1,30})?|went\s+to\s+find\s+out|has\s+been\s+finding\s+out|finds?\s+out|investigates|takes?\s+a\s+look|spoke\s+to\s+[\p{L} .'-]{2,40}|speaks?\s+to\s+[\p{L} .'-]{2,40}|went\s+to\s+meet\s+[\p{L} .'-]{2,40}|visited\s+[\p{L} .'-]{2,40})\s*[.…:]*$/iu;
/** A broadcaster's staff role; news sentences ending in "reports" name institutions instead. */
const ROLE = /\b(?:our|correspondent|editor|reporter|presenter|analyst|producer|journalist|anchor|host)\b/i;
const MAX_TEASER = 260;
const MAX_CAPTION = 300;

/**
 * Tabloid photo labels that only ever open a caption: "Pictured:", "Pictured is ...", "Above: ...",
 * "Left to right ...", "(L-R) ...", "From left: ...", "Clockwise from top left: ...".
 */
const PHOTO_LABEL =
  /^\(?(?:pictured(?:\s+(?:is|are|was|were|with|here|above|below|left|right|center|centre|top|bottom|inset)\b|\s*[:,(-])|(?:above|below|inset|top|bottom)(?:\s+(?:left|right))?\s*:|(?:from\s+)?left\s+to\s+right\b|\(?l-r\)?\s*[:,)]?|from\s+(?:left|right)\s*[:,]|clockwise\s+from\b)/i;
/**
 * "Devastation: Residents survey the damage ...": one or two capitalised words and a colon
 * heading a short caption. Words that open ordinary sentences ("The result: ...") are not labels.
 */
const WORD_LABEL = /^(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}?[\p{Ll}'’-]+)?|\p{Lu}{2,}(?:\s+\p{Lu}{2,})?):\s+["“‘']?\p{Lu}/u;
const NOT_LABELS = new Set(
  "the a an his her their our my its it's it this that these those what why how who when where which here there one update note warning".split(' '),
);
/** A short-word caption is one sentence (two at most with its credit) of caption length. */
const MAX_WORD_LABEL_CAPTION = 220;

function isWordLabelCaption(paragraph: string): boolean {
  const label = WORD_LABEL.exec(paragraph)?.[1];
  // "EXCLUSIVE: The council voted ...": a kicker before story text, stripped elsewhere, not a caption.
  if (!label || paragraph.length > MAX_WORD_LABEL_CAPTION || isKickerLabel(label)) return false;
  if (NOT_LABELS.has(label.split(/\s+/)[0]!.toLowerCase())) return false;
  return splitSentences(paragraph).length <= 2;
}

/** "Watch: ...", "Video: ...", "Media caption ...", "Pictured: ...", "In pictures: ...", "Above: ...", "Devastation: ...". */
export function isCaptionLine(paragraph: string): boolean {
  if (paragraph.length > MAX_CAPTION) return false;
  return CAPTION_LABEL.test(paragraph) || PHOTO_LABEL.test(paragraph) || isWordLabelCaption(paragraph);
}

/** Drops caption sentences set inside a paragraph of story text ("... said. Pictured: the scene on Tuesday."). */
export function stripCaptionSentences(paragraph: string): string {
  const sentences = splitSentences(paragraph);
  if (!sentences.some((sentence) => PHOTO_LABEL.test(sentence))) return paragraph;
  return sentences.filter((sentence) => !PHOTO_LABEL.test(sentence)).join(' ');
}

/**
 * Video/audio teasers: a short paragraph whose last sentence hands over to a named
 * reporter with a role ("Is this the end of the dispute? Our Europe Correspondent Sam Lee reports").
 */
export function isTeaserLine(paragraph: string): boolean {
  if (paragraph.length > MAX_TEASER) return false;
  const sentences = splitSentences(paragraph);
  const last = sentences[sentences.length - 1] ?? '';
  return sentences.length <= 3 && last.length <= 140 && HANDOVER.test(last) && ROLE.test(last);
}
