/**
 * Precision and recall of the ear check on hand-labelled cases (tests/fixtures/ear-check):
 * each case is a story (optionally with its headline and the intro before it) and the
 * defect codes a careful listener would name.
 */
import type { ScriptDocument, ScriptSegment } from '../core/types.js';
import { checkScript } from './check-script.js';
import type { EarCheckCode } from './findings.js';

export interface LabelledCase {
  id: string;
  story: string;
  title?: string;
  intro?: string;
  language?: string;
  labels: EarCheckCode[];
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  overall: Score;
  byCode: Partial<Record<EarCheckCode, Score>>;
  /** Cases where the check and the label disagree, for reading. */
  misses: { id: string; expected: EarCheckCode[]; found: EarCheckCode[] }[];
}

function caseScript(c: LabelledCase): ScriptDocument {
  const segments: ScriptSegment[] = [];
  if (c.intro) segments.push({ id: 'intro', kind: 'intro', text: c.intro });
  segments.push({ id: 'story', kind: 'story', text: c.story, ...(c.title ? { title: c.title } : {}) });
  return { version: 1, showTitle: 'Labelled', date: '2026-12-01', language: c.language ?? 'en', writer: 'labelled', segments };
}

function score(tp: number, fp: number, fn: number): Score {
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

export function evaluateEarCheck(cases: readonly LabelledCase[]): Evaluation {
  const tally = new Map<EarCheckCode, { tp: number; fp: number; fn: number }>();
  const misses: Evaluation['misses'] = [];
  for (const c of cases) {
    const found: EarCheckCode[] = [...new Set(checkScript(caseScript(c)).findings.map((f) => f.code))].filter((code) => code !== 'length');
    const expected = new Set<EarCheckCode>(c.labels);
    for (const code of new Set([...found, ...expected])) {
      const t = tally.get(code) ?? { tp: 0, fp: 0, fn: 0 };
      if (found.includes(code) && expected.has(code)) t.tp++;
      else if (found.includes(code)) t.fp++;
      else t.fn++;
      tally.set(code, t);
    }
    if (found.length !== expected.size || found.some((code) => !expected.has(code))) misses.push({ id: c.id, expected: c.labels, found });
  }
  const byCode: Evaluation['byCode'] = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [code, t] of tally) {
    byCode[code] = score(t.tp, t.fp, t.fn);
    tp += t.tp;
    fp += t.fp;
    fn += t.fn;
  }
  return { overall: score(tp, fp, fn), byCode, misses };
}
