/**
 * Context-dependent openers: a story's first sentence must stand on its own. Two general
 * signals say it does not: a discourse connective that answers something unsaid (contrast,
 * addition, consequence, sequence), and a pronoun or demonstrative whose antecedent is absent.
 */

/** Discourse connectives by class; multi-word ones are matched as phrases. */
const CONNECTIVES = [
  // contrast and concession
  'but', 'however', 'yet', 'still', 'although', 'though', 'even so', 'nevertheless', 'nonetheless', 'instead', 'rather',
  'on the other hand', 'by contrast', 'in contrast', 'despite this', 'despite that', 'even though', 'whereas', 'conversely',
  // addition
  'and', 'also', 'moreover', 'furthermore', 'besides', 'in addition', 'additionally', 'what is more', 'likewise', 'similarly', 'too',
  // consequence
  'so', 'therefore', 'thus', 'hence', 'as a result', 'consequently', 'accordingly', 'because of this', 'that is why', "that's why",
  // sequence and reference to a prior event
  'then', 'afterwards', 'later', 'meanwhile', 'at the same time', 'after that', 'before that', 'since then', 'until then', 'by then', 'in turn', 'otherwise', 'indeed', 'in fact', 'again',
];
const CONNECTIVE = new RegExp(`^["“‘'(]?(?:${CONNECTIVES.map((c) => c.replace(/ /g, '\\s+').replace(/'/g, "['’]")).join('|')})\\b(?![-'’])`, 'i');
/** "So" before a degree word is an adverb of that word, not the connective: "So far, ...", "So many people ...". */
const SO_ADVERB = /^["“‘'(]?so\s+(?:far|much|many|long|few|little)\b/i;

/** Third-person pronouns and demonstratives that point back; "it" is left out (often a dummy subject: "It is raining"). */
const POINTER = /^["“‘'(]?(?:he|she|they|him|her|them|his|hers|their|theirs|its|this|that|these|those|such|the\s+(?:former|latter|same|pair|couple|duo|trio))\b(?![-'’])/i;
/** "This week", "That evening": demonstratives before a time word refer to the present, not back. */
const TIME_AFTER_DEMONSTRATIVE = /^["“‘'(]?(?:this|that|these|those)\s+(?:week|weekend|month|year|morning|afternoon|evening|night|season|spring|summer|autumn|fall|winter|time|decade|century|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

export function opensWithConnective(sentence: string): boolean {
  const text = sentence.trim();
  return CONNECTIVE.test(text) && !SO_ADVERB.test(text);
}

export function opensWithPointer(sentence: string): boolean {
  const text = sentence.trim();
  return POINTER.test(text) && !TIME_AFTER_DEMONSTRATIVE.test(text);
}

/** True when a sentence names someone or something a pronoun could refer to (a capitalised word after the first). */
export function offersAntecedent(sentence: string): boolean {
  return /\s["“‘']?\p{Lu}\p{L}/u.test(sentence.trim());
}
