import type { Article, ScriptDocument } from '../core/types.js';

/** What every script writer receives. Writers are pure: no I/O beyond what they are configured with. */
export interface WriteScriptInput {
  /** Cleaned articles, in the producer's order. */
  articles: Article[];
  showTitle: string;
  language: string;
  /** Locale of numbers and dates read aloud ("en-GB", "en-US"); default from the language (day-month for en). */
  locale?: string;
  /** The day the briefing is for (intro reads its weekday and date). */
  date: Date;
  /** Target spoken length of the whole briefing, in seconds. */
  targetSeconds: number;
  /** Words per minute used to turn targetSeconds into a word budget. */
  wordsPerMinute: number;
  /**
   * Letters per word of the prose `wordsPerMinute` was measured on, when it is an engine's measured rate: the
   * writer then carries the rate over to the words it wrote (longer words take longer). Absent: the rate is kept.
   */
  rateLettersPerWord?: number;
  /** Silences the episode puts between segments; the writer leaves time for them. */
  pauses?: { segmentMs: number; storyMs: number };
  /** Seconds each segment's audio lasts beyond its words (the engine's own lead-in and closing pause). */
  segmentSeconds?: number;
}

export interface ScriptWriter {
  readonly name: string;
  write(input: WriteScriptInput): Promise<ScriptDocument>;
}
