import { describe, expect, it } from 'vitest';
import { followsSchema } from '../../src/listeners/listener.js';
import { indexPool, selectStories, type PoolStory } from '../../src/listeners/select-stories.js';

const story = (segmentId: string, title: string, text: string, extra: Partial<PoolStory> = {}): PoolStory => ({
  segmentId, title, text, durationSeconds: 60, sources: [], categories: [], articleText: '', ...extra,
});

const pool = indexPool([
  story('s1', 'Harbour council approves ferry terminal', 'The council voted on Monday.', { sources: ['Harbour Herald', 'herald.example.com'] }),
  story('s2', 'Telescope spots a comet', 'Astronomers led by Laura Whitfield in Lisbon saw it on Thursday.', { categories: ['Science'] }),
  story('s3', 'Apple harvest breaks records', 'Growers in the valley reported a large harvest.', { articleText: 'Ferryboats carried the apples to market.' }),
  story('s4', 'Café owners in São Paulo protest', 'Owners marched downtown.'),
]);
const follows = (value: object) => followsSchema.parse(value);
const ids = (selection: { stories: PoolStory[] }) => selection.stories.map((s) => s.segmentId);

describe('which stories a listener gets', () => {
  it('matches topics as whole words in titles, texts and article bodies, and categories', () => {
    expect(ids(selectStories(pool, follows({ topics: ['ferry'] }), 600))).toEqual(['s1']);
    expect(ids(selectStories(pool, follows({ topics: ['ferryboats'] }), 600))).toEqual(['s3']);
    expect(ids(selectStories(pool, follows({ topics: ['science'] }), 600))).toEqual(['s2']);
    // Accents and case do not matter.
    expect(ids(selectStories(pool, follows({ topics: ['cafe'] }), 600))).toEqual(['s4']);
  });

  it('matches sources by site name or host, and people or places by name', () => {
    expect(ids(selectStories(pool, follows({ sources: ['herald.example.com'] }), 600))).toEqual(['s1']);
    expect(ids(selectStories(pool, follows({ people: ['Laura Whitfield'] }), 600))).toEqual(['s2']);
    expect(ids(selectStories(pool, follows({ people: ['sao paulo'] }), 600))).toEqual(['s4']);
  });

  it('keeps the pool order, fits the length, keeps at least one, and gives none without a match', () => {
    const wide = follows({ topics: ['apple', 'comet', 'ferry'] });
    expect(ids(selectStories(pool, wide, 600))).toEqual(['s1', 's2', 's3']);
    expect(ids(selectStories(pool, wide, 130))).toEqual(['s1', 's2']);
    expect(ids(selectStories(pool, wide, 10))).toEqual(['s1']);
    expect(ids(selectStories(pool, follows({ topics: ['cricket'] }), 600))).toEqual([]);
  });

  it('gives the default briefing to a listener who follows nothing', () => {
    const selection = selectStories(pool, follows({}), 200);
    expect(selection.defaultBriefing).toBe(true);
    expect(ids(selection)).toEqual(['s1', 's2', 's3']);
  });
});
