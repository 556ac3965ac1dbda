/**
 * The LLM writer's intro, transitions and outro, in the show's language: the same framing the extractive writer
 * reads (framing.ts), so a German show opens and closes in German whatever the model wrote around its stories.
 * The model's own framing is kept only in a dialogue, where the hosts' turns and names are part of it.
 */
import type { Article, ScriptDocument, ScriptSegment } from '../core/types.js';
import { introText, outroText, transitionText } from './framing.js';
import { introLabel } from './intro-labels.js';
import { framingSegmentId, uniqueIds } from './segment-ids.js';
import type { WriteScriptInput } from './writer.js';

/** Consecutive story segments about the same articles are one story (a dialogue's turns). */
function storyRuns(segments: readonly ScriptSegment[]): ScriptSegment[][] {
  const runs: ScriptSegment[][] = [];
  let last = '';
  for (const segment of segments) {
    if (segment.kind !== 'story') continue;
    const key = (segment.articleIds ?? []).join('\n');
    if (key === last) runs[runs.length - 1]?.push(segment);
    else runs.push([segment]);
    last = key;
  }
  return runs;
}

export function withShowFraming(doc: ScriptDocument, input: WriteScriptInput, articles: readonly Article[]): ScriptDocument {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const runs = storyRuns(doc.segments);
  const labels = runs.map((run) => introLabel(byId.get(run[0]?.articleIds?.[0] ?? ''), input));
  const framing = (kind: 'intro' | 'transition' | 'outro', text: string): ScriptSegment => ({ id: framingSegmentId(kind, text), kind, text });
  const segments: ScriptSegment[] = [framing('intro', introText(input.showTitle, input.date, labels, input.language))];
  runs.forEach((run, i) => {
    if (i > 0) segments.push(framing('transition', transitionText(i, runs.length, input.language)));
    segments.push(...run);
  });
  segments.push(framing('outro', outroText(input.showTitle, input.language)));
  const ids = uniqueIds(segments.map((s) => s.id));
  return { ...doc, segments: segments.map((s, i) => ({ ...s, id: ids[i] ?? s.id })) };
}
