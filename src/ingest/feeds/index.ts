/** News feeds for scheduled briefings: parse, fetch safely, and choose fresh stories. */
// parse-news-feed.ts is not re-exported: it loads linkedom and feedsmith, and runs in the worker pool.
export { fetchNewsFeed } from './fetch-news-feed.js';
export { selectStories, storyKey, NEAR_DUPLICATE_THRESHOLD } from './select-stories.js';
export { normaliseTitle, normaliseLink, titleTokens, jaccard } from './normalise.js';
export { decodeFeedBytes, xmlDeclaredEncoding } from './decode-feed.js';
export type { NewsFeedItem, StoryKey, UsedStories, SelectedStory } from './types.js';
