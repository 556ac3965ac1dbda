/** Page furniture that survives extraction: related links, ad markers, share bars, timestamps, bare URLs. */

const RELATED_LABEL =
  /^(?:related(?:\s+(?:stories|articles|content|coverage|links|topics|reading|video))?|read\s+more|read\s+also|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?|more\s+from\s+[\p{L} ]{1,30}|recommended(?:\s+(?:reading|stories|for\s+you))?|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|most\s+(?:read|popular|viewed)|top\s+stories|editor'?s\s+picks?|trending(?:\s+now)?|advertisement|sponsored(?:\s+content)?|skip\s+(?:advertisement|ad)|continue\s+reading|story\s+continues(?:\s+below)?(?:\s+advertisement)?|read\s+the\s+full\s+(?:story|article)|full\s+story|explore\s+more\s+on\s+these\s+topics|topics)(?:\s*(?:[:|\-–—»›>…]|\.{3})|\s*$)/iu;

const TIMESTAMP = /^(?:(?:first\s+)?published|updated|last\s+updated|posted|modified)\b[^.!?]{0,60}$/i;
const AGO = /^(?:about\s+)?\d{1,3}\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$/i;
const SHARE_WORD = String.raw`(?:share(?:\s+this(?:\s+(?:article|story|page))?)?|share\s+on\s+\w+|tweet|e-?mail|print|copy\s+link|save|comments?|facebook|twitter|x|whatsapp|linkedin|reddit|messenger|pinterest)`;
const SHARE_BAR = new RegExp(`^${SHARE_WORD}(?:\\s*[|,•·/]?\\s*${SHARE_WORD})*$`, 'i');
const BARE_LINK = /^(?:https?:\/\/|www\.)\S+$|^[\w.+-]+@[\w-]+\.[\w.]+$/i;

export function isRelatedLine(paragraph: string): boolean {
  return paragraph.length <= 250 && RELATED_LABEL.test(paragraph);
}

/** A line that is only a publication time: "Updated 10:32 GMT", "3 hours ago", "4 March 2025". */
export function isTimestampLine(paragraph: string): boolean {
  if (paragraph.length > 80) return false;
  if (TIMESTAMP.test(paragraph) || AGO.test(paragraph)) return true;
  // A bare date parses whole; prose never does.
  return paragraph.length <= 40 && /\d/.test(paragraph) && !/[.!?]$/.test(paragraph) && !Number.isNaN(Date.parse(paragraph));
}

export function isShareBar(paragraph: string): boolean {
  return paragraph.length <= 120 && SHARE_BAR.test(paragraph);
}

export function isBareLink(paragraph: string): boolean {
  return BARE_LINK.test(paragraph);
}
