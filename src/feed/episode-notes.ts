import type { EpisodeRecord } from '../core/episode.js';
import { absoluteUrl } from './urls.js';

/**
 * Show notes: the episode's stories with their sources and links. Plain text
 * for `description` and `itunes:summary` (apps show it raw), HTML for
 * `content:encoded` (apps render it). Built from the record, so any process can
 * rebuild them.
 */
export interface NoteStory {
  headline: string;
  source?: string;
  url?: string;
}

export interface EpisodeNotes {
  text: string;
  html: string;
  stories: NoteStory[];
}

export function noteStories(episode: EpisodeRecord): NoteStory[] {
  const stories = episode.chapters.filter((chapter, index) => !(index === 0 && chapter.title === 'Headlines' && !chapter.url));
  const fromChapters = stories.map((chapter) => {
    const url = absoluteUrl(chapter.url);
    const source = episode.sources.find((s) => s.url && s.url === chapter.url) ?? episode.sources.find((s) => s.title === chapter.title);
    return { headline: chapter.title, ...(source?.siteName ? { source: source.siteName } : {}), ...(url ? { url } : {}) };
  });
  if (fromChapters.length) return fromChapters;
  // No audio laid out yet (a draft): the articles themselves.
  return episode.sources.map((source) => {
    const url = absoluteUrl(source.url);
    return { headline: source.title, ...(source.siteName ? { source: source.siteName } : {}), ...(url ? { url } : {}) };
  });
}

export function episodeNotes(episode: EpisodeRecord, intro = 'In this episode:'): EpisodeNotes {
  const stories = noteStories(episode);
  const lines = stories.map((story) => `- ${clean(story.headline)}${story.source ? ` (${clean(story.source)})` : ''}${story.url ? `: ${story.url}` : ''}`);
  const text = stories.length ? `${intro}\n${lines.join('\n')}` : clean(episode.description || episode.title);
  const items = stories.map((story) => {
    const headline = escapeHtml(clean(story.headline));
    const linked = story.url ? `<a href="${escapeHtml(story.url)}">${headline}</a>` : headline;
    return `<li>${linked}${story.source ? ` (${escapeHtml(clean(story.source))})` : ''}</li>`;
  });
  const html = stories.length ? `<p>${escapeHtml(intro)}</p><ul>${items.join('')}</ul>` : `<p>${escapeHtml(text)}</p>`;
  return { text, html, stories };
}

/** Headlines come from scraped pages: collapse stray whitespace and line breaks. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
