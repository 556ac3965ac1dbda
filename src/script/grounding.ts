/**
 * Grounding check for generated scripts: every number, named entity and
 * quotation in a sentence must be found in the source articles. A model that
 * invents a figure or a person must not be read out as news.
 */
import type { Article, ScriptDocument } from '../core/types.js';
import { namedEntities, numbersIn } from './entities.js';
import { splitSentences } from './sentences.js';
import { toSpoken } from './spoken.js';
import { MONTH_NAMES, WEEKDAY_NAMES } from './spoken-numbers.js';

export interface GroundingIssue {
  segmentId: string;
  sentence: string;
  reason: string;
}

export interface GroundingContext {
  articles: readonly Article[];
  /** Words that may appear without a source: show title, host names, the briefing date. */
  allowed?: readonly string[];
  /** Locale the script was read in, so the sources are rewritten the same way (default en-GB). */
  locale?: string;
}

interface Haystack {
  text: string;
  numbers: Set<string>;
}

function normalise(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').toLowerCase();
}

function haystack(context: GroundingContext): Haystack {
  const written = context.articles.flatMap((a) => [a.title, a.text, a.siteName ?? '', a.byline ?? '']);
  // The script is spoken prose, so the sources are also searched as they would be read ("U.S." -> "US").
  const spoken = written.map((t) => splitSentences(t).map((s) => toSpoken(s, { balance: false, ...(context.locale ? { locale: context.locale } : {}) })).join(' '));
  const allowed = [...(context.allowed ?? []), ...WEEKDAY_NAMES, ...MONTH_NAMES];
  const text = normalise([...written, ...spoken, ...allowed].join('\n'));
  return { text, numbers: new Set([...written, ...spoken, ...allowed].flatMap(numbersIn)) };
}

/** Quoted spans of three or more words, without the punctuation that closes them. */
function quotations(sentence: string): string[] {
  const out: string[] = [];
  for (const match of normalise(sentence).matchAll(/"([^"]+)"/g)) {
    const span = (match[1] ?? '').trim().replace(/[,.;:!?]+$/, '');
    if (span.split(' ').length >= 3) out.push(span);
  }
  return out;
}

function sentenceProblem(sentence: string, hay: Haystack): string | undefined {
  for (const n of numbersIn(sentence)) if (!hay.numbers.has(n)) return `number ${n} is not in the sources`;
  for (const name of namedEntities(sentence)) {
    if (!hay.text.includes(normalise(name))) return `name "${name}" is not in the sources`;
  }
  for (const quote of quotations(sentence)) {
    if (!hay.text.includes(quote)) return `quotation "${quote}" is not verbatim in the sources`;
  }
  return undefined;
}

/** Every ungrounded sentence of the script. */
export function checkGrounding(doc: ScriptDocument, context: GroundingContext): GroundingIssue[] {
  const hay = haystack(context);
  const issues: GroundingIssue[] = [];
  for (const segment of doc.segments) {
    for (const sentence of splitSentences(segment.text)) {
      const reason = sentenceProblem(sentence, hay);
      if (reason) issues.push({ segmentId: segment.id, sentence, reason });
    }
  }
  return issues;
}

export interface RepairResult {
  doc: ScriptDocument;
  issues: GroundingIssue[];
  /** Share of all sentences that had to be dropped. */
  droppedShare: number;
  /** Segments left with nothing to say (they are removed from `doc`). */
  emptied: string[];
}

/** Drops ungrounded sentences; the caller decides whether what is left is still a briefing. */
export function repairGrounding(doc: ScriptDocument, context: GroundingContext): RepairResult {
  const issues = checkGrounding(doc, context);
  const bad = new Set(issues.map((i) => `${i.segmentId}\n${i.sentence}`));
  let total = 0;
  const emptied: string[] = [];
  const segments = doc.segments.flatMap((segment) => {
    const sentences = splitSentences(segment.text);
    total += sentences.length;
    const kept = sentences.filter((s) => !bad.has(`${segment.id}\n${s}`));
    if (kept.length === 0) {
      emptied.push(segment.id);
      return [];
    }
    return [{ ...segment, text: kept.join(' ') }];
  });
  return { doc: { ...doc, segments }, issues, droppedShare: total === 0 ? 0 : issues.length / total, emptied };
}
