/**
 * Worker-thread entry for the tasks that need none of the parsing packages:
 * writing and ear-checking a script, and measuring a piece's samples. A queue
 * worker's pool loads this file instead of offthread-worker.ts: its thread then
 * holds about 35 MB instead of about 105 MB under tsx, since it loads none of
 * the page, feed and cleaning code (linkedom, readability, marked, tinyld). A
 * task of another kind names the full entry (pool.ts).
 */
import { LimiterEnvelopeMeter } from '../audio/limiter-estimate.js';
import { analyseSampleFile } from '../audio/sample-analysis.js';
import { checkScript } from '../ear-check/index.js';
import { writeExtractiveScript } from '../script/extractive-writer.js';
import { failedTask, type CoreTask, type MeasureSamplesTask, type OffThreadResult } from './task-types.js';

export default async function runCoreTask(task: CoreTask): Promise<OffThreadResult> {
  try {
    switch (task.kind) {
      case 'script':
        return { kind: 'script', script: writeExtractiveScript(task.input, task.options) };
      case 'ear-check':
        return { kind: 'ear-check', report: checkScript(task.script) };
      case 'measure-samples':
        return await measureSamples(task);
      case 'warm':
        return { kind: 'warm' };
    }
  } catch (error) {
    return failedTask(error);
  }
}

async function measureSamples(task: MeasureSamplesTask): Promise<OffThreadResult> {
  const meter = task.envelopeFrames === undefined ? undefined : new LimiterEnvelopeMeter(task.channels, task.envelopeFrames);
  const analysis = await analyseSampleFile(task.path, task.channels, task.sampleRate, task.frameSamples, task.peakKind, meter);
  return { kind: 'measure-samples', analysis, ...(meter ? { envelope: meter.finish() } : {}) };
}
