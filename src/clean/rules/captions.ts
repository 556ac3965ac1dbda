import { splitSentences } from '../sentences.js';

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

/** "Watch: ...", "Video: ...", "Media caption ...", "Pictured: ...", "In pictures: ...". */
export function isCaptionLine(paragraph: string): boolean {
  return paragraph.length <= MAX_CAPTION && CAPTION_LABEL.test(paragraph);
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
