import type { EpisodeWarning } from '../core/episode.js';
import type { ScriptDocument } from '../core/types.js';
import { checkScript } from '../ear-check/index.js';

/**
 * The ear check's findings on a written script, as episode warnings ("ear-<code>"), each naming its segment.
 * No target is given: the writer's own length check (pauses and lead-ins counted) speaks for the length.
 */
export function earCheckWarnings(script: ScriptDocument): EpisodeWarning[] {
  return checkScript(script).findings.map((finding) => ({
    code: `ear-${finding.code}`,
    message: finding.excerpt ? `${finding.message}: "${finding.excerpt}"` : finding.message,
    ...(finding.segmentId ? { segmentId: finding.segmentId } : {}),
  }));
}
