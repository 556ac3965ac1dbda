/**
 * Sentences that lean on the one before them. News prose is written to be read
 * in order; an extract is not, so a sentence that depends on its predecessor is
 * kept with it, rewritten, or left out. The signals are general and small:
 *
 * 1. a leading sentence adverb or coordinating conjunction ("But", "However,",
 *    "Meanwhile,"): dropped when the sentence opens a passage, since the claim
 *    after it stands ("so" before a degree word is an adverb, not the
 *    conjunction: "So far, ...", "So many ..." keep it);
 * 2. a leading connective that points back ("Instead", "As a result", "In
 *    response"): needs the sentence before;
 * 3. a personal or demonstrative pronoun, or "others"/"both"/"the latter", in
 *    the first words: needs the sentence before;
 * 4. a definite description at the start ("The company", "The plan") whose
 *    noun the sentence before introduced, or a role noun ("the man", "the
 *    firm") the headline does not name: needs the sentence before;
 * 5. an answer to a claim ("denied it", "rejected the allegations"): needs the
 *    sentence making the claim.
 *
 * Signals 1 to 3 are read per language (coherence-signals.ts: English, German,
 * French, Spanish, Russian); 4 and 5 are English only.
 */
import { coherenceSignals } from './coherence-signals.js';
import { stem } from './tokens.js';

/** Nouns that stand for someone or something named earlier. */
const ROLE_NOUNS = new Set(
  (
    'man woman boy girl child couple pair family company firm group team club side party agency ministry department ' +
    'official spokesman spokeswoman spokesperson suspect victim player star singer actor actress driver pilot officer ' +
    'leader chief minister president governor mayor senator judge court committee board organisation organization ' +
    'country nation city town move decision deal plan proposal report study claim claims statement announcement ' +
    'incident attack crash accident case bill law measure vote ruling letter video footage ' +
    // Quantities that only mean something against a figure given before.
    'rest remainder majority minority total figure figures number amount sum cost money increase rise fall drop'
  ).split(' '),
);
const MODIFIERS = new Set('new former other same latest first second third last local whole two three four five several'.split(' '));
const RESPONSE = /\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|disputed|disputes|refuted|refutes|countered|responded)\s+(?:(?:the|this|that|these|those|such)\s+\w+|it|them|this|that)\b/i;

export type Dependence = 'none' | 'droppable-opener' | 'needs-previous';

/** The sentence without a leading droppable conjunction or sentence adverb, first letter raised. */
export function dropLeadingConnective(sentence: string, language = 'en'): string {
  const { droppable } = coherenceSignals(language);
  let out = sentence;
  for (let i = 0; i < 2 && droppable.test(out); i++) out = out.replace(droppable, '');
  if (out === sentence || out.trim() === '') return sentence;
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** Terms whose presence before a definite description resolves it. */
function nounTerms(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[a-z]+/g) ?? []).map(stem));
}

/**
 * How `sentence` depends on `previous` (the sentence before it in its article;
 * undefined at the top). `headline` resolves definite descriptions it names.
 */
export function dependence(sentence: string, previous: string | undefined, headline = '', language = 'en'): Dependence {
  const signals = coherenceSignals(language);
  const text = sentence.replace(/^["“'‘«„(\s]+/, '');
  const stripped = dropLeadingConnective(text, language);
  const droppable = stripped !== text;
  if (previous === undefined) return droppable ? 'droppable-opener' : 'none';
  if (signals.backPointing.test(stripped)) return 'needs-previous';
  const core = stripped.replace(signals.subordinator, '');
  if (signals.pronoun.test(core)) return 'needs-previous';
  const definite = /^the\s+([a-z]+)(?:\s+([a-z]+))?/i.exec(core);
  if (definite?.[1] && !/^The\s+[A-Z]/.test(core)) {
    // The head noun is the first word, or the second after a modifier such as "new" or "two".
    const candidates = MODIFIERS.has(definite[1].toLowerCase()) && definite[2] ? [definite[2]] : [definite[1]];
    const before = nounTerms(previous);
    const named = nounTerms(headline);
    for (const word of candidates.map((w) => w.toLowerCase())) {
      if (named.has(stem(word))) continue;
      if (before.has(stem(word)) || ROLE_NOUNS.has(word)) return 'needs-previous';
    }
  }
  if (RESPONSE.test(stripped)) return 'needs-previous';
  return droppable ? 'droppable-opener' : 'none';
}

/**
 * For each sentence of one article, the earlier sentences it cannot be read
 * without (the whole chain back to one that stands alone, at most `maxChain`).
 */
export function coherenceRequirements(sentences: readonly string[], headline = '', maxChain = 4, language = 'en'): number[][] {
  const needsPrevious = sentences.map((s, i) => i > 0 && dependence(s, sentences[i - 1], headline, language) === 'needs-previous');
  return sentences.map((_, i) => {
    const out: number[] = [];
    for (let j = i; j > 0 && needsPrevious[j] && out.length < maxChain; j--) out.push(j - 1);
    return out.sort((a, b) => a - b);
  });
}
