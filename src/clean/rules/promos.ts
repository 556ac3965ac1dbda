import { splitSentences } from '../sentences.js';

const PLEASE = String.raw`^(?:please\s+|now\s+|why\s+not\s+)?`;
const SOCIAL = String.raw`(?:twitter|x|facebook|instagram|tiktok|youtube|linkedin|threads|bluesky|whatsapp|telegram|snapchat|mastodon)`;
const PROMO_NOUN = String.raw`(?:newsletters?|podcasts?|app|apps|alerts?|notifications|briefings?|bulletins?|emails?|inbox|channel|subscription|membership|updates)`;

/**
 * Calls to action, each a template (imperative verb + promotional object) rather than a
 * publisher's phrase. News prose about newsletters or apps does not start with an
 * imperative addressed to the reader, so it passes.
 */
const CALL_TO_ACTION: RegExp[] = [
  // "Sign up for/now/here", but not "Sign-up rates rose" or public-service advice ("register to vote").
  new RegExp(
    `${PLEASE}(?:sign[ -]?up|subscribe|register)(?!\\s+(?:to\\s+vote|for\\s+(?:a\\s+|the\\s+)?(?:vaccine|jab|scheme|benefit)))(?:\\s+(?:for|to|now|here|today|free|at|below|and|with|on)\\b|\\s*[.!:]|$)`,
    'i',
  ),
  new RegExp(`\\b(?:sign[ -]?up|subscribe)\\s+(?:to|for)\\s+(?:our|the\\s+[\\p{L}' ]{0,30}${PROMO_NOUN}|[\\p{L}' ]{0,30}${PROMO_NOUN})\\b`, 'iu'),
  new RegExp(`${PLEASE}(?:download|get|install|try|open)\\s+(?:our|the\\s+[\\p{L}' ]{0,25}\\bapp)\\b`, 'iu'),
  new RegExp(`${PLEASE}(?:follow|like|find|join)\\s+us\\b`, 'i'),
  new RegExp(`${PLEASE}follow\\s+[\\p{L}@_ .']{1,30}\\s+on\\s+${SOCIAL}\\b`, 'iu'),
  new RegExp(`${PLEASE}(?:listen|tune\\s+in)\\s+(?:to\\s+)?(?:our|the\\s+(?:latest|full)|more|now|here|live)\\b`, 'i'),
  new RegExp(`${PLEASE}(?:read|see|find\\s+out|learn|discover|explore)\\s+more\\b`, 'i'),
  new RegExp(`${PLEASE}(?:click|tap|swipe)\\s+(?:here|the|on|to|this|below|up)\\b`, 'i'),
  new RegExp(`${PLEASE}share\\s+(?:this|on|via|your\\s+(?:story|views|thoughts|pictures|photos|experience))\\b`, 'i'),
  /^(?:don'?t|never)\s+miss\b/i,
  /^(?:catch\s+up|check\s+out)\s+(?:on\s+)?(?:our|all|the\s+latest|more|every)\b/i,
  new RegExp(`^(?:support|donate\\s+to)\\s+(?:our|us|independent\\s+journalism|the\\s+[\\p{L} ]{0,20}journalism)\\b`, 'iu'),
  /^(?:email|contact|message|send|tell|write\s+to)\s+us\b/i,
  /^have\s+your\s+say\b/i,
  /^(?:join|become)\s+(?:our|a\s+(?:member|subscriber|supporter))\b/i,
  new RegExp(`^(?:to\\s+)?(?:get|receive)\\s+(?:the|our|free|breaking|daily|weekly)\\b[^.]{0,80}\\b${PROMO_NOUN}\\b`, 'iu'),
  /\bwherever\s+you\s+get\s+your\s+podcasts\b/i,
  /\b(?:delivered|sent|straight|direct(?:ly)?)\s+to\s+your\s+inbox\b/i,
  /\bavailable\s+(?:now\s+)?(?:on|in)\s+(?:apple\s+podcasts|spotify|the\s+app\s+store|google\s+play)\b/i,
];

/** A question that sets up a plug ("Want a quick briefing on the biggest stories?"). */
const LEAD_IN = /^(?:want|looking\s+for|interested\s+in|enjoy(?:ed|ing)?|like|love|fancy|do\s+you\s+(?:want|like|enjoy)|need|(?:do\s+you\s+have|have\s+you\s+got|got)\s+a\s+(?:story|tip|question)|short\s+on\s+time|missed)\b[^?]{0,160}\?$/i;
const MAX_PROMO_SENTENCE = 220;

export function isPromoSentence(sentence: string): boolean {
  return sentence.length <= MAX_PROMO_SENTENCE && CALL_TO_ACTION.some((pattern) => pattern.test(sentence));
}

export function isPromoLeadIn(sentence: string): boolean {
  return LEAD_IN.test(sentence);
}

/** Any question right before a plug sets it up ("Got a story? Email us"). */
function isLeadInAt(sentences: string[], index: number): boolean {
  const sentence = sentences[index] ?? '';
  const next = sentences[index + 1];
  return isPromoLeadIn(sentence) || (/\?["”’]?$/.test(sentence) && next !== undefined && isPromoSentence(next));
}

/** A paragraph made only of plugs and the questions that set them up. */
export function isPromoParagraph(paragraph: string): boolean {
  const sentences = splitSentences(paragraph);
  const promos = sentences.filter(isPromoSentence).length;
  return promos > 0 && sentences.every((s, i) => isPromoSentence(s) || isLeadInAt(sentences, i));
}

/** Drops plug sentences (and a lead-in question right before one) from a paragraph of otherwise real text. */
export function stripPromoSentences(paragraph: string): string {
  const sentences = splitSentences(paragraph);
  if (!sentences.some(isPromoSentence)) return paragraph;
  const kept = sentences.filter((sentence, i) => {
    if (isPromoSentence(sentence)) return false;
    const next = sentences[i + 1];
    return !(isLeadInAt(sentences, i) && next !== undefined && isPromoSentence(next));
  });
  return kept.join(' ');
}
