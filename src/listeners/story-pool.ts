import type { EpisodeRecord } from '../core/episode.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { Article, ScriptDocument } from '../core/types.js';
import type { PoolStory } from './select-stories.js';

/**
 * The day's story pool is the show's own episode: its stories were written
 * and synthesised once into the piece cache by the normal build, and its
 * record lists each story's piece key and exact duration.
 */
export interface StoryPool {
  episode: EpisodeRecord;
  stories: Array<PoolStory & { cacheKey: string; url?: string }>;
}

function hostOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

export function storyPool(episode: EpisodeRecord, script: ScriptDocument, articles: Article[]): StoryPool {
  if (episode.status !== 'published' || episode.segments.length === 0) {
    throw new BriefcastError(ErrorCodes.EPISODE_NOT_FOUND, 'the day\'s show episode is not published yet', { subject: `${episode.showId}/${episode.id}`, retryable: true });
  }
  const byArticle = new Map(articles.map((article) => [article.id, article]));
  const bySegment = new Map(script.segments.map((segment) => [segment.id, segment]));
  const stories = episode.segments
    .filter((segment) => segment.kind === 'story')
    .map((segment) => {
      const scripted = bySegment.get(segment.id);
      const told = (scripted?.articleIds ?? []).flatMap((id) => byArticle.get(id) ?? []);
      const sources = [
        ...told.flatMap((article) => [article.siteName, hostOf(article.url), hostOf(article.source)]),
        ...(scripted?.sources ?? []).flatMap((source) => [source.siteName, hostOf(source.url)]),
      ].filter((value): value is string => Boolean(value));
      const categories = told.flatMap((article) => (article as Article & { categories?: string[] }).categories ?? []);
      const url = scripted?.sources?.find((source) => source.url)?.url;
      return {
        segmentId: segment.id,
        title: segment.title ?? 'Story',
        text: segment.text,
        durationSeconds: segment.durationSeconds,
        cacheKey: segment.cacheKey,
        sources: [...new Set(sources)],
        categories,
        articleText: told.map((article) => `${article.title}\n${article.text}`).join('\n'),
        ...(url ? { url } : {}),
      };
    });
  return { episode, stories };
}
