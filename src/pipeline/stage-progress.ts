import type { EpisodeRecord, EpisodeStatus } from '../core/episode.js';

/** Progress of one stage, for the API's per-stage view. */
export interface StageProgress {
  done: number;
  total: number;
}

/** The build's stages in order, and the status each one shows as in the record. */
const STAGES: Array<[string, EpisodeStatus]> = [
  ['script', 'writing'],
  ['synthesise', 'synthesising'],
  ['stitch', 'stitching'],
  ['publish', 'publishing'],
];

/**
 * The per-stage view of a record, read from the record alone so both modes
 * (and any API process) show the same: stages before the current one are
 * done, the current one carries the record's "n of m".
 */
export function stagesOf(record: EpisodeRecord): Record<string, StageProgress> {
  const current = STAGES.findIndex(([, status]) => status === record.status);
  const reached = record.status === 'published' ? STAGES.length : record.status === 'draft' ? 1 : current;
  const stages: Record<string, StageProgress> = {};
  for (const [index, [stage]] of STAGES.entries()) {
    if (index < reached) stages[stage] = { done: 1, total: 1 };
    else if (index === current && record.progress) stages[stage] = { done: record.progress.done, total: record.progress.total };
  }
  return stages;
}
