/** The documents that flow between pipeline stages. All are plain JSON so any stage can run in any process. */

/** An article after ingest (and, once cleaned, what the script writer reads). */
export interface Article {
  /** Stable id derived from the content (see articleId in ingest). */
  id: string;
  title: string;
  /** Body text, paragraphs separated by a blank line. */
  text: string;
  /** Where it came from, as the user gave it: a file path or a URL. */
  source: string;
  /** Canonical URL of the original article, when known. */
  url?: string;
  byline?: string;
  siteName?: string;
  /** ISO 8601 timestamp. */
  publishedAt?: string;
  /** "LONDON (Reuters) -" style prefix, kept as metadata and never read aloud. */
  dateline?: string;
  language?: string;
  /** Producer priority: higher is more important (default 0). */
  priority?: number;
}

export type SegmentKind = 'intro' | 'story' | 'transition' | 'outro';

export interface SourceRef {
  title: string;
  url?: string;
  siteName?: string;
}

export interface ScriptSegment {
  /** Stable within the script; story segments use the story id so audio can be shared across episodes. */
  id: string;
  kind: SegmentKind;
  /** The words to speak, already rewritten for the ear. */
  text: string;
  /** Headline for story segments: becomes the chapter title. */
  title?: string;
  /** Ids of the articles this segment tells. */
  articleIds?: string[];
  sources?: SourceRef[];
  /** Voice override for this segment (a voice name of the show's provider). */
  voice?: string;
  /** BCP 47 tag of a story read in another language than the show's (absent: the show's language). */
  language?: string;
}

export interface ScriptDocument {
  version: 1;
  showTitle: string;
  /** ISO date (YYYY-MM-DD) the briefing is for. */
  date: string;
  language: string;
  /** Which writer produced it, e.g. "extractive" or "llm:gpt-4o-mini". */
  writer: string;
  segments: ScriptSegment[];
}
