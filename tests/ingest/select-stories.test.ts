import { describe, expect, it } from 'vitest';
import { jaccard, NEAR_DUPLICATE_THRESHOLD, normaliseLink, normaliseTitle, selectStories, titleTokens, type NewsFeedItem, type UsedStories } from '../../src/ingest/feeds/index.js';

const feedUrl = 'https://feeds.example.com/rss';
const item = (title: string, publishedAt: string | undefined, extra: Partial<NewsFeedItem> = {}): NewsFeedItem => ({
  title,
  description: '',
  feedUrl,
  ...(publishedAt ? { publishedAt } : {}),
  ...extra,
});
const nothingUsed = (): UsedStories => ({ guids: new Set(), links: new Set(), titles: new Set() });

describe('normalisers', () => {
  it('normalises titles: case, accents, quotes and punctuation', () => {
    expect(normaliseTitle("  Storm Ciarán: 'Red' warning — issued!  ")).toBe('storm ciaran red warning issued');
    expect(normaliseTitle('Council’s plan')).toBe(normaliseTitle("Council's PLAN"));
  });

  it('normalises links: scheme, www, fragment, trailing slash and tracking parameters', () => {
    const a = normaliseLink('https://www.Example.com/news/story/?utm_source=rss&id=4#top');
    expect(a).toBe('example.com/news/story?id=4');
    expect(normaliseLink('http://example.com/news/story?id=4&fbclid=x')).toBe(a);
    expect(normaliseLink('https://example.com/news/other')).not.toBe(a);
  });

  it('puts rewordings of one headline above the threshold and follow-ups below it', () => {
    const same = jaccard(titleTokens('Fed raises interest rates by a quarter point'), titleTokens('Federal Reserve raises interest rates by quarter point'));
    const followUp = jaccard(titleTokens('Interest rates held at 5%'), titleTokens('Interest rates cut to 4.75%'));
    expect(same).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    expect(followUp).toBeLessThan(NEAR_DUPLICATE_THRESHOLD);
  });
});

describe('selectStories', () => {
  const items = [
    item('Older story about bridges', '2025-03-01T08:00:00Z', { guid: 'g-old', link: 'https://a.example/bridges' }),
    item('Undated story about parks', undefined, { guid: 'g-undated' }),
    item('Newest story about trains', '2025-03-03T08:00:00Z', { guid: 'g-new', link: 'https://a.example/trains' }),
    item('Middle story about schools', '2025-03-02T08:00:00Z', { guid: 'g-mid', link: 'https://a.example/schools' }),
  ];

  it('returns newest first, undated last, up to count, with story keys to remember', () => {
    const selected = selectStories(items, nothingUsed(), 3);
    expect(selected.map((s) => s.item.guid)).toEqual(['g-new', 'g-mid', 'g-old']);
    expect(selected[0]?.key).toEqual({ guid: 'g-new', link: 'a.example/trains', title: 'newest story about trains' });
    expect(selectStories(items, nothingUsed(), 10).map((s) => s.item.guid)).toEqual(['g-new', 'g-mid', 'g-old', 'g-undated']);
  });

  it('skips stories already used by guid, by normalised link, or by normalised title', () => {
    const used: UsedStories = {
      guids: new Set(['g-new']),
      links: new Set([normaliseLink('http://www.a.example/schools/?utm_medium=email')]),
      titles: new Set([normaliseTitle('OLDER story about bridges!')]),
    };
    expect(selectStories(items, used, 10).map((s) => s.item.guid)).toEqual(['g-undated']);
  });

  it('takes a repeated guid once (a feed listing the same item twice)', () => {
    const repeated = [item('Harbour wall approved', '2025-03-04T09:00:00Z', { guid: 'dup' }), item('Harbour wall approved again', '2025-03-04T09:00:00Z', { guid: 'dup' })];
    expect(selectStories(repeated, nothingUsed(), 5)).toHaveLength(1);
  });

  it('keeps one of two near-duplicate headlines from different sources, the newer one', () => {
    const twoSources = [
      item('Fed raises interest rates by a quarter point', '2025-03-05T10:00:00Z', { link: 'https://one.example/fed' }),
      item('Federal Reserve raises interest rates by quarter point', '2025-03-05T11:00:00Z', { link: 'https://two.example/fed' }),
      item('Interest rates cut in Canada', '2025-03-05T09:00:00Z', { link: 'https://three.example/boc' }),
    ];
    const selected = selectStories(twoSources, nothingUsed(), 5);
    expect(selected.map((s) => s.item.link)).toEqual(['https://two.example/fed', 'https://three.example/boc']);
  });

  it('returns nothing for count 0', () => {
    expect(selectStories(items, nothingUsed(), 0)).toEqual([]);
  });
});
