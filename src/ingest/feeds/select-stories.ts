import { jaccard, normaliseLink, normaliseTitle, titleTokens } from './normalise.js';
import type { NewsFeedItem, SelectedStory, StoryKey, UsedStories } from './types.js';

/**
 * Title similarity at or above which two items are taken as one story told by two sources.
 * Content-word Jaccard of 0.5 means at least half of all distinct content words are shared:
 * rewordings of one headline ("Fed raises interest rates by a quarter point" / "Federal Reserve
 * raises interest rates by quarter point" = 0.625) pass, while follow-ups and same-topic
 * stories ("Interest rates held at 5%" / "Interest rates cut to 4.75%" = 0.33) stay apart.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

export function storyKey(item: NewsFeedItem): StoryKey {
  return {
    ...(item.guid ? { guid: item.guid } : {}),
    ...(item.link ? { link: normaliseLink(item.link) } : {}),
    title: normaliseTitle(item.title),
  };
}

function time(item: NewsFeedItem): number {
  const value = item.publishedAt ? Date.parse(item.publishedAt) : Number.NaN;
  return Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value;
}

/**
 * Picks up to `count` stories, newest first (undated last, feed order kept among equals),
 * skipping what `used` already holds (guid, normalised link or normalised title), repeats
 * within this batch, and near-duplicate headlines of stories already picked.
 */
export function selectStories(items: NewsFeedItem[], used: UsedStories, count: number): SelectedStory[] {
  const ordered = items.map((item, index) => ({ item, index })).sort((a, b) => time(b.item) - time(a.item) || a.index - b.index);
  const seen: UsedStories = { guids: new Set(used.guids), links: new Set(used.links), titles: new Set(used.titles) };
  const pickedTokens: Set<string>[] = [];
  const selected: SelectedStory[] = [];
  for (const { item } of ordered) {
    if (selected.length >= count) break;
    const key = storyKey(item);
    if ((key.guid && seen.guids.has(key.guid)) || (key.link && seen.links.has(key.link)) || seen.titles.has(key.title)) continue;
    const tokens = titleTokens(item.title);
    if (pickedTokens.some((other) => jaccard(tokens, other) >= NEAR_DUPLICATE_THRESHOLD)) continue;
    if (key.guid) seen.guids.add(key.guid);
    if (key.link) seen.links.add(key.link);
    seen.titles.add(key.title);
    pickedTokens.push(tokens);
    selected.push({ item, key });
  }
  return selected;
}
