import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/types.js';
import { createExtractiveWriter } from '../../src/script/extractive-writer.js';
import { groupArticles } from '../../src/script/grouping.js';
import { buildStories } from '../../src/script/stories.js';
import { briefingInput, loadArticles, words } from './fixtures.js';

const articles = loadArticles();
const [tram, reuters, coral, storm, football] = articles as [Article, Article, Article, Article, Article];
const bbc = loadArticles('same-story.json')[0] as Article;

describe('grouping articles into stories', () => {
  it('groups two outlets reporting the same decision and nothing else', () => {
    expect(groupArticles([...articles, bbc])).toEqual([[0], [1, 5], [2], [3], [4]]);
  });

  it('tells a grouped story once, with all member ids and an id from the sorted member ids', async () => {
    const writer = createExtractiveWriter();
    const a = await writer.write(briefingInput({ articles: [reuters, tram, bbc] }));
    const b = await writer.write(briefingInput({ articles: [bbc, tram, reuters] }));
    const storyA = a.segments.filter((s) => s.kind === 'story');
    expect(storyA).toHaveLength(2);
    const grouped = storyA.find((s) => (s.articleIds ?? []).length === 2)!;
    expect([...grouped.articleIds!].sort()).toEqual([bbc.id, reuters.id].sort());
    expect(grouped.id).toMatch(/^story-[0-9a-f]{8}$/);
    expect(b.segments.find((s) => (s.articleIds ?? []).length === 2)!.id).toBe(grouped.id);
    expect(grouped.sources!.map((s) => s.siteName).sort()).toEqual(['BBC News', 'Reuters']);
  });

  it('reads sentences from both sources and credits each where their figures differ', async () => {
    const doc = await createExtractiveWriter().write(briefingInput({ articles: [reuters, bbc], targetSeconds: 400 }));
    const story = doc.segments.find((s) => s.kind === 'story')!;
    expect(story.text).toContain(
      'Reuters reported that nine of the 12 members of the rate-setting committee voted to hold, while BBC News said that eight of the 12 members of the rate-setting committee voted to hold rates, while the rest backed a small cut.',
    );
    // The two leads say the same thing: only the lead source's is read.
    expect(story.text).toContain('The US central bank held its benchmark interest rate');
    expect(story.text).not.toContain('The central bank has kept interest rates on hold');
  });

  it('credits a second source the first time it adds something', async () => {
    const doc = await createExtractiveWriter().write(briefingInput({ articles: [reuters, bbc], targetSeconds: 150 }));
    const story = doc.segments.find((s) => s.kind === 'story')!;
    expect(story.text).toMatch(/BBC News (also reported|said) that /);
  });
});

describe('ordering and budget by importance', () => {
  const undated = (a: Article): Article => {
    const { publishedAt: _drop, ...rest } = a;
    return rest;
  };

  it('orders by number of sources, then recency, then keeps the given order (scale signals off)', () => {
    const stories = buildStories([tram, coral, reuters, storm, football, bbc], { importance: { scale: 0 } });
    expect(stories.map((s) => s.articles.map((a) => a.id))).toEqual([
      [reuters.id, bbc.id],
      [storm.id],
      [football.id],
      [tram.id],
      [coral.id],
    ]);
    expect(buildStories([tram, coral].map(undated), { importance: { scale: 0 } }).map((s) => s.id)).toEqual([tram.id, coral.id]);
    expect(buildStories([tram, coral, reuters, bbc], { order: 'given' }).map((s) => s.articles[0]!.id)).toEqual([
      tram.id, coral.id, reuters.id,
    ]);
  });

  it("puts the producer's priority first and gives that story a larger share of the words", async () => {
    const plain = [tram, coral, football].map(undated);
    const boosted = [tram, { ...coral, priority: 2 }, football].map(undated);
    expect(buildStories(boosted).map((s) => s.id)).toEqual([coral.id, tram.id, football.id]);
    const input = briefingInput({ articles: boosted, targetSeconds: 150 });
    const doc = await createExtractiveWriter().write(input);
    const stories = doc.segments.filter((s) => s.kind === 'story');
    expect(stories[0]!.id).toBe(coral.id);
    const base = await createExtractiveWriter().write({ ...input, articles: plain });
    const coralWords = (d: typeof doc) => words(d.segments.find((s) => s.id === coral.id)!.text);
    expect(coralWords(doc)).toBeGreaterThan(coralWords(base) + 20);
    expect(words(stories[0]!.text)).toBeGreaterThan(words(stories[1]!.text));
  });

  it('is deterministic with grouping on', async () => {
    const input = briefingInput({ articles: [...articles, bbc] });
    expect(JSON.stringify(await createExtractiveWriter().write(input))).toBe(
      JSON.stringify(await createExtractiveWriter().write(briefingInput({ articles: [...articles, bbc] }))),
    );
  });
});
