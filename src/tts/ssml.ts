import { splitByLexicon, type Lexicon } from './lexicon.js';
import type { SsmlTag } from './speech-provider.js';

/**
 * Writes SSML from the same script text the plain engines read: sentences as
 * <s>, the story's headline emphasised (or set apart by a pause where the
 * engine has no <emphasis>), dates, numbers and spelled initialisms marked with <say-as>, lexicon
 * words as <phoneme> or <sub>. Tags the engine does not accept are never
 * written, because some vendors reject the whole request over one of them.
 */
export interface SsmlOptions {
  /** Tags the engine accepts; all when omitted. */
  tags?: readonly SsmlTag[];
  lexicon?: Lexicon;
  /** Emphasise the first sentence (a story's headline). */
  headline?: boolean;
  /** Rate multiplier, written as <prosody rate>. */
  speed?: number;
  /** Extra silence between sentences, in milliseconds (0: the engine's own). */
  sentenceBreakMs?: number;
  /** Order of numeric dates such as 4/3/2025: "mdy" for US English, "dmy" otherwise. */
  dateOrder?: 'mdy' | 'dmy';
  locale?: string;
}

const ALL_TAGS: readonly SsmlTag[] = ['break', 'emphasis', 'p', 's', 'phoneme', 'sub', 'say-as', 'prosody'];
const HEADLINE_PAUSE_MS = 350;

export function toSsml(text: string, options: SsmlOptions = {}): string {
  const tags = new Set(options.tags ?? ALL_TAGS);
  const segmenter = new Intl.Segmenter(options.locale ?? 'en', { granularity: 'sentence' });
  const sentences = [...segmenter.segment(text.trim())].map((s) => s.segment.trim()).filter(Boolean);
  const parts = sentences.map((sentence, index) => {
    let body = inline(sentence, tags, options);
    if (index === 0 && options.headline && sentences.length > 1) {
      if (tags.has('emphasis')) body = `<emphasis level="moderate">${body}</emphasis>`;
      else if (tags.has('break')) body = `${body}<break time="${HEADLINE_PAUSE_MS}ms"/>`;
    }
    return tags.has('s') ? `<s>${body}</s>` : body;
  });
  const gap = options.sentenceBreakMs && tags.has('break') ? `<break time="${Math.round(options.sentenceBreakMs)}ms"/>` : ' ';
  let body = parts.join(gap);
  const speed = options.speed ?? 1;
  if (speed !== 1 && tags.has('prosody')) body = `<prosody rate="${Math.round(speed * 100)}%">${body}</prosody>`;
  return `<speak>${body}</speak>`;
}

/** Lexicon words first (they may contain digits), then say-as on the plain runs between them. */
function inline(sentence: string, tags: Set<SsmlTag>, options: SsmlOptions): string {
  return splitByLexicon(sentence, options.lexicon)
    .map((piece) => {
      const entry = piece.entry;
      if (!entry) return sayAs(piece.text, tags, options.dateOrder ?? 'dmy');
      if (entry.ipa && tags.has('phoneme')) return `<phoneme alphabet="ipa" ph="${escapeXml(entry.ipa)}">${escapeXml(piece.text)}</phoneme>`;
      if (entry.say && tags.has('sub')) return `<sub alias="${escapeXml(entry.say)}">${escapeXml(piece.text)}</sub>`;
      return escapeXml(entry.say ?? piece.text);
    })
    .join('');
}

const SAY_AS = new RegExp(
  [
    String.raw`(?<iso>\b\d{4}-\d{2}-\d{2}\b)`,
    String.raw`(?<numeric>\b\d{1,2}/\d{1,2}/\d{4}\b)`,
    String.raw`(?<ordinal>\b\d+(?:st|nd|rd|th)\b)`,
    String.raw`(?<grouped>\b\d{1,3}(?:,\d{3})+\b(?!\.\d))`,
    // The normaliser writes initialisms said letter by letter as "W-H-O".
    String.raw`(?<letters>\b[A-Z](?:-[A-Z]){1,5}\b(?!-))`,
  ].join('|'),
  'g',
);

function sayAs(text: string, tags: Set<SsmlTag>, dateOrder: 'mdy' | 'dmy'): string {
  if (!tags.has('say-as')) return escapeXml(text);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(SAY_AS)) {
    const start = match.index ?? 0;
    out += escapeXml(text.slice(last, start));
    const groups = match.groups ?? {};
    if (groups.iso) out += `<say-as interpret-as="date" format="ymd">${groups.iso}</say-as>`;
    else if (groups.numeric) out += `<say-as interpret-as="date" format="${dateOrder}">${groups.numeric}</say-as>`;
    else if (groups.ordinal) out += `<say-as interpret-as="ordinal">${groups.ordinal.replace(/\D+$/, '')}</say-as>`;
    else if (groups.grouped) out += `<say-as interpret-as="cardinal">${groups.grouped.replace(/,/g, '')}</say-as>`;
    else if (groups.letters) out += `<say-as interpret-as="characters">${groups.letters.replace(/-/g, '')}</say-as>`;
    last = start + match[0].length;
  }
  return out + escapeXml(text.slice(last));
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The words of an SSML document, what vendors bill for. */
export function ssmlText(ssml: string): string {
  return ssml
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
