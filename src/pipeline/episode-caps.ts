import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { ScriptDocument } from '../core/types.js';
import { countWords } from '../ingest/html-limits.js';

/** Caps on what one episode may cost to make, checked on the script before any audio is synthesised. */
export interface EpisodeCaps {
  /** Words in one story's segments together. */
  maxWordsPerStory: number;
  /** Words in the whole script. */
  maxWordsPerEpisode: number;
  /** Characters sent to the TTS provider for one episode: the cost guard for paid voices. */
  maxTtsCharsPerEpisode: number;
  /** Story segments in one episode. */
  maxStoriesPerEpisode: number;
}

export const defaultEpisodeCaps: EpisodeCaps = Object.freeze({
  maxWordsPerStory: 3_000,
  maxWordsPerEpisode: 20_000,
  maxTtsCharsPerEpisode: 150_000,
  maxStoriesPerEpisode: 50,
});

function over(what: (value: number) => string, value: number, max: number, variable: string, subject: string): BriefcastError {
  return new BriefcastError(ErrorCodes.INPUT_LIMIT, `${what(value)}, more than the ${max} allowed (${variable})`, { subject, details: { limit: variable, max, value } });
}

/** Throws INPUT_LIMIT naming the first cap the script exceeds; the episode fails with it before synthesis. */
export function assertScriptWithinCaps(script: ScriptDocument, caps: EpisodeCaps, subject: string): void {
  const perStory = new Map<string, number>();
  let words = 0;
  let chars = 0;
  for (const segment of script.segments) {
    const count = countWords(segment.text);
    words += count;
    chars += segment.text.length;
    if (segment.kind === 'story') {
      const story = segment.articleIds?.join('+') || segment.id;
      perStory.set(story, (perStory.get(story) ?? 0) + count);
    }
  }
  const longest = Math.max(0, ...perStory.values());
  if (longest > caps.maxWordsPerStory) throw over((n) => `a story has ${n} words`, longest, caps.maxWordsPerStory, 'BRIEFCAST_MAX_WORDS_PER_STORY', subject);
  if (perStory.size > caps.maxStoriesPerEpisode) throw over((n) => `the episode has ${n} stories`, perStory.size, caps.maxStoriesPerEpisode, 'BRIEFCAST_MAX_STORIES_PER_EPISODE', subject);
  if (words > caps.maxWordsPerEpisode) throw over((n) => `the script has ${n} words`, words, caps.maxWordsPerEpisode, 'BRIEFCAST_MAX_WORDS_PER_EPISODE', subject);
  if (chars > caps.maxTtsCharsPerEpisode) throw over((n) => `the script has ${n} characters to synthesise`, chars, caps.maxTtsCharsPerEpisode, 'BRIEFCAST_MAX_TTS_CHARS_PER_EPISODE', subject);
}
