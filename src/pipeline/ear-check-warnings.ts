import type { EpisodeWarning } from '../core/episode.js';
import type { ScriptDocument } from '../core/types.js';
import { checkScript } from '../ear-check/index.js';

/** The ear check's findings on a written script, as episode warnings ("ear-<code>"), each naming its segment. */
export function earCheckWarnings(script: ScriptDocument, targetSeconds: number, wordsPerMinute: number): EpisodeWarning[] {
  return checkScript(script, { targetSeconds, wordsPerMinute }).findings.map((finding) => ({
    code: `ear-${finding.code}`,
    message: finding.excerpt ? `${finding.message}: "${finding.excerpt}"` : finding.message,
    ...(finding.segmentId ? { segmentId: finding.segmentId } : {}),
  }));
}
