import { createHash } from 'node:crypto';
import type { SegmentKind } from '../core/types.js';

function hash8(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8);
}

/** Id of a framing segment (intro, transition, outro): the same words get the same id, so their audio is reusable. */
export function framingSegmentId(kind: SegmentKind, text: string): string {
  return `${kind}-${hash8(`${kind}\n${text}`)}`;
}

/** Id of a story told from one article (its id) or from several (derived from the sorted member ids). */
export function storySegmentId(articleIds: readonly string[]): string {
  if (articleIds.length === 1) return articleIds[0] ?? '';
  return `story-${hash8([...articleIds].sort().join('\n'))}`;
}

/** Makes ids unique within a script by suffixing repeats ("-2", "-3"), in order of appearance. */
export function uniqueIds(ids: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}-${count}`;
  });
}
