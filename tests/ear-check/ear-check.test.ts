import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScript, EAR_CHECK_CODES } from '../../src/ear-check/index.js';
import { evaluateEarCheck, type LabelledCase } from '../../src/ear-check/evaluate.js';
import type { ScriptDocument } from '../../src/core/types.js';

const cases = JSON.parse(readFileSync(new URL('../fixtures/ear-check/labelled.json', import.meta.url), 'utf8')) as LabelledCase[];

describe('ear check on the hand-labelled set', () => {
  it('has at least 60 labelled cases, positives and look-alike negatives for every defect', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const code of EAR_CHECK_CODES.filter((c) => c !== 'length')) {
      expect(cases.filter((c) => c.labels.includes(code)).length, code).toBeGreaterThanOrEqual(4);
    }
    expect(cases.filter((c) => c.labels.length === 0).length).toBeGreaterThanOrEqual(25);
  });

  it('finds the labelled defects with high precision and recall', () => {
    const evaluation = evaluateEarCheck(cases);
    const { precision, recall } = evaluation.overall;
    // Printed so the figures can be reported; the assertions below are what must hold.
    console.log(`ear check on ${cases.length} labelled cases: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`, JSON.stringify(evaluation.misses));
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    for (const [code, score] of Object.entries(evaluation.byCode)) expect(score!.recall, code).toBeGreaterThanOrEqual(0.8);
  });
});

describe('checkScript', () => {
  const script = (texts: string[]): ScriptDocument => ({
    version: 1,
    showTitle: 'Test',
    date: '2026-12-01',
    language: 'en',
    writer: 'test',
    segments: texts.map((text, i) => ({ id: `s${i}`, kind: i === 0 ? 'intro' : 'story', text })),
  });

  it('reports the length error beyond ±10% of the target', () => {
    const text = Array.from({ length: 300 }, () => 'word').join(' ');
    const long = checkScript(script(['Hello and welcome.', text]), { targetSeconds: 60, wordsPerMinute: 150 });
    expect(long.lengthError).toBeCloseTo(303 / 150 - 1, 2);
    expect(long.counts.length).toBe(1);
    const onTarget = checkScript(script(['Hello and welcome.', Array.from({ length: 148 }, () => 'word').join(' ')]), { targetSeconds: 60, wordsPerMinute: 150 });
    expect(onTarget.counts.length).toBe(0);
  });

  it('names the segment of each finding', () => {
    const report = checkScript(script(['Hello and welcome to the show today.', 'But the plan failed. Pictured: The site on Monday.']));
    expect(report.findings.map((f) => [f.code, f.segmentId])).toEqual([
      ['context-opener', 's1'],
      ['caption-line', 's1'],
    ]);
  });
});
