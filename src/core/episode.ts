import type { SegmentKind, SourceRef } from './types.js';

/** What is known about one episode; stored as JSON beside its inputs and read by the feed builder. */
export type EpisodeStatus = 'queued' | 'writing' | 'synthesising' | 'stitching' | 'publishing' | 'published' | 'draft' | 'failed';

export interface EpisodeChapter {
  title: string;
  startSeconds: number;
  endSeconds: number;
  url?: string;
}

export interface EpisodeSegmentInfo {
  id: string;
  kind: SegmentKind;
  title?: string;
  text: string;
  provider: string;
  voice: string;
  cacheKey: string;
  /** True when the audio came from the segment cache instead of the TTS engine. */
  cached: boolean;
  startSeconds: number;
  durationSeconds: number;
}

export interface EpisodeAudio {
  key: string;
  url: string;
  bytes: number;
  mimeType: string;
  durationSeconds: number;
  integratedLufs: number;
  truePeakDbtp: number;
  loudnessRangeLu: number;
}

/** One engine and voice the `auto` voice chose. */
export interface PickedVoice {
  provider: string;
  voice: string;
  /** The engine build seen when it was picked, e.g. "festival@2.5.0". */
  engine: string;
  label: string;
}

/** What `auto` resolved to for this episode, once, when it was submitted: every segment uses it. */
export interface EpisodeVoicePick {
  language: string;
  anchor: PickedVoice;
  quotes?: PickedVoice;
  stories?: PickedVoice[];
  /** Second host's engine, by the host's voice name in the script. */
  hosts?: Record<string, PickedVoice>;
  fallback?: PickedVoice;
  /** Why: the ranking row chosen and the engines skipped. */
  reason: string;
}

/** A published side file (transcript, JSON chapters...). */
export interface EpisodeFile {
  key: string;
  url: string;
  mimeType: string;
}

export interface EpisodeArtwork {
  /** Absolute URL apps fetch. */
  url: string;
  /** Publish-storage key, when Briefcast stored the image itself. */
  key?: string;
}

/**
 * Something a producer should know about an episode that did not stop it: an article left
 * out, a script line that will sound wrong, sources shorter than the target. `code` is stable
 * (match on it); `message` is for people.
 */
export interface EpisodeWarning {
  code: string;
  message: string;
  /** The script segment it is about, when it is about one. */
  segmentId?: string;
  /** The article it is about, when it is about one. */
  articleId?: string;
}

export interface EpisodeRecord {
  id: string;
  showId: string;
  title: string;
  /** ISO date the briefing is for. */
  date: string;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
  status: EpisodeStatus;
  /** Progress of the current stage: done of total units (segments while synthesising). */
  progress?: { stage: EpisodeStatus; done: number; total: number };
  description: string;
  sources: SourceRef[];
  writer?: string;
  /** What the producer should know: sources shorter than the target, left-out articles, ear-check findings, measured length; absent when none. */
  warnings?: EpisodeWarning[];
  /** The stories in reading order with why each is where it is (outlets, scale, recency, priority). */
  storyOrder?: Array<{ id: string; title: string; position: number; weight: number; reasons: string[] }>;
  /** The engines the `auto` voice chose for this episode (absent when the show names its providers). */
  voicePick?: EpisodeVoicePick;
  audio?: EpisodeAudio;
  /** Rendition for smart speakers (Alexa guidance: -14 LUFS, true peak -2 dBTP), measured after encoding. */
  speakerAudio?: EpisodeAudio;
  /** Per-episode artwork chosen by the producer: a work-storage key of a JPEG/PNG, or an absolute URL. */
  artworkSource?: string;
  /** Artwork shown for this episode: artworkSource when set, else the show's. */
  artwork?: EpisodeArtwork;
  chapters: EpisodeChapter[];
  segments: EpisodeSegmentInfo[];
  /** Extra published files by kind (transcript, chapters JSON...), key to URL. */
  files?: Record<string, EpisodeFile>;
  error?: { code: string; message: string };
  /** The length asked for, in seconds (the show's or this episode's target). */
  targetSeconds?: number;
}
