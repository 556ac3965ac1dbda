/** Why each story is where it is: the importance breakdown, for the episode record. */
import type { Article, ScriptDocument } from '../core/types.js';
import { buildStories, type StoryOptions } from './stories.js';

export interface StoryOrderEntry {
  id: string;
  title: string;
  position: number;
  weight: number;
  reasons: string[];
}

/** Entries for the script's story segments, in reading order; stories the grouping does not know get no reasons. */
export function explainStoryOrder(articles: readonly Article[], script: ScriptDocument, options: StoryOptions = {}): StoryOrderEntry[] {
  const stories = new Map(buildStories(articles, options).map((s) => [s.id, s]));
  return script.segments
    .filter((s) => s.kind === 'story')
    .map((segment, i) => {
      const story = stories.get(segment.id);
      return {
        id: segment.id,
        title: segment.title ?? story?.title ?? '',
        position: i + 1,
        weight: Math.round((story?.weight ?? 0) * 1000) / 1000,
        reasons: story ? story.importance.reasons : ['order set by the script'],
      };
    });
}
