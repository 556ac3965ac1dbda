import type { z } from 'zod';
import type { EpisodeRecord } from '../core/episode.js';
import type { ScriptDocument } from '../core/types.js';
import type { StageProgress } from '../pipeline/episode-runner.js';
import type { UnpublishedRecord } from '../pipeline/unpublish-episode.js';
import type { episodeViewSchema } from './api-schemas.js';

export type EpisodeView = z.infer<typeof episodeViewSchema>;

/** Which transcript kinds are offered, by the name the API uses. */
const TRANSCRIPTS: Record<string, string> = { 'transcript-vtt': 'vtt', 'transcript-srt': 'srt', 'transcript-text': 'text' };

/** The API's view of an episode: the measured numbers and public URLs, no storage keys. */
export function episodeView(
  record: EpisodeRecord | UnpublishedRecord,
  extra: { feedUrl: string; stages?: Partial<Record<string, StageProgress>>; script?: ScriptDocument; includeError?: boolean },
): EpisodeView {
  const files = record.files ?? {};
  const transcriptUrls: Record<string, string> = {};
  for (const [kind, name] of Object.entries(TRANSCRIPTS)) {
    const file = files[kind];
    if (file) transcriptUrls[name] = file.url;
  }
  const gone = record.status === 'unpublished' && (record as UnpublishedRecord).audioDeleted;
  const stages = Object.fromEntries(Object.entries(extra.stages ?? {}).filter((entry): entry is [string, StageProgress] => entry[1] !== undefined));
  return {
    id: record.id,
    showId: record.showId,
    title: record.title,
    date: record.date,
    status: record.status,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(record.publishedAt ? { publishedAt: record.publishedAt } : {}),
    ...(record.status === 'unpublished' ? { unpublishedAt: (record as UnpublishedRecord).unpublishedAt } : {}),
    ...(record.progress ? { progress: { stage: record.progress.stage, done: record.progress.done, total: record.progress.total } } : {}),
    stages,
    description: record.description,
    sources: record.sources.map((source) => ({
      title: source.title,
      ...(source.url ? { url: source.url } : {}),
      ...(source.siteName ? { siteName: source.siteName } : {}),
    })),
    ...(record.audio
      ? {
          durationSeconds: record.audio.durationSeconds,
          loudness: {
            integratedLufs: record.audio.integratedLufs,
            truePeakDbtp: record.audio.truePeakDbtp,
            loudnessRangeLu: record.audio.loudnessRangeLu,
          },
          ...(gone ? {} : { audioUrl: record.audio.url }),
        }
      : {}),
    ...(record.speakerAudio && !gone ? { speakerAudioUrl: record.speakerAudio.url } : {}),
    ...(files['chapters-json'] && !gone ? { chaptersUrl: files['chapters-json'].url } : {}),
    transcriptUrls: gone ? {} : transcriptUrls,
    chapters: record.chapters.map((chapter) => ({ title: chapter.title, startSeconds: chapter.startSeconds, endSeconds: chapter.endSeconds })),
    feedUrl: extra.feedUrl,
    ...(record.error && extra.includeError !== false ? { error: { code: record.error.code, message: record.error.message } } : {}),
    ...(record.warnings?.length ? { warnings: record.warnings.map((warning) => ({ ...warning })) } : {}),
    ...(record.storyOrder ? { storyOrder: record.storyOrder.map((entry) => ({ ...entry, reasons: [...entry.reasons] })) } : {}),
    ...(extra.script ? { script: extra.script as unknown as Record<string, unknown> } : {}),
  };
}

/** Records written by stages that report warnings carry them; older records have none. */
function warningsOf(record: object): Array<{ code: string; message: string }> {
  const warnings = (record as { warnings?: unknown }).warnings;
  return Array.isArray(warnings) ? warnings.filter((w): w is { code: string; message: string } => typeof w?.code === 'string' && typeof w?.message === 'string') : [];
}
