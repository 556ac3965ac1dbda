import type { EpisodeWarning } from '../core/episode.js';
import type { ScriptDocument } from '../core/types.js';
import { runOffThread } from '../offthread/pool.js';
import { SCRIPT_TIMEOUT_MS } from '../script/off-thread-writer.js';

/**
 * The ear check's findings on a written script, as episode warnings ("ear-<code>"), each naming its segment.
 * No target is given: the writer's own length check (pauses and lead-ins counted) speaks for the length.
 * It runs in the worker pool, as the writer does: its pattern checks cost about 100 ms cold.
 */
export async function earCheckWarnings(script: ScriptDocument): Promise<EpisodeWarning[]> {
  const { report } = await runOffThread(
    { kind: 'ear-check', script },
    { timeoutMs: SCRIPT_TIMEOUT_MS, overTimeMessage: `the ear check took longer than ${SCRIPT_TIMEOUT_MS} ms`, limit: 'scriptTimeoutMs' },
  );
  return report.findings.map((finding) => ({
    code: `ear-${finding.code}`,
    message: finding.excerpt ? `${finding.message}: "${finding.excerpt}"` : finding.message,
    ...(finding.segmentId ? { segmentId: finding.segmentId } : {}),
  }));
}
