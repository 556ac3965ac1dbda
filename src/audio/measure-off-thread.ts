import { runOffThread } from '../offthread/pool.js';
import type { MeasureSamplesTask } from '../offthread/task-types.js';
import type { LimiterEnvelope } from './limiter-estimate.js';
import type { PieceAnalysis } from './sample-analysis.js';

/** The file and its format, and whether the limiter model's envelope is wanted too (task-types.ts). */
export type MeasureRequest = Omit<MeasureSamplesTask, 'kind'>;

/** Generous: a 60-minute piece measures in a few seconds; past this the thread is stuck. */
const MEASURE_TIMEOUT_MS = 120_000;

/**
 * analyseSampleFile on a worker-pool thread: the meters are pure JavaScript
 * over every sample, so the pieces of a batch are measured on all cores at
 * once instead of one after another on the main thread.
 */
export async function measureOffThread(request: MeasureRequest): Promise<{ analysis: PieceAnalysis; envelope?: LimiterEnvelope }> {
  const result = await runOffThread(
    { kind: 'measure-samples', ...request },
    { timeoutMs: MEASURE_TIMEOUT_MS, subject: request.path, overTimeMessage: `measuring the piece took longer than ${MEASURE_TIMEOUT_MS} ms`, limit: 'measureTimeoutMs' },
  );
  return { analysis: result.analysis, ...(result.envelope ? { envelope: result.envelope } : {}) };
}
