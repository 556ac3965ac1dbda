import { describe, expect, it } from 'vitest';
import { createExtractiveWriter } from '../../src/script/extractive-writer.js';
import { groupArticles } from '../../src/script/grouping.js';
import { scaleSignals } from '../../src/script/scale.js';
import { buildStories } from '../../src/script/stories.js';
import { explainStoryOrder } from '../../src/script/story-order.js';
import { briefingInput, loadArticles } from './fixtures.js';

const articles = loadArticles('writer/stories.json');
const ids = (indices: number[][]) => indices.map((group) => group.map((i) => articles[i]!.id));

describe('grouping, attribution and order', () => {
  it('groups two reports of one event with different headlines, and not two events in one city on one day', () => {
    expect(ids(groupArticles(articles))).toEqual([['cup-final'], ['quake-bbc', 'quake-reuters'], ['kessel-budget'], ['kessel-fire']]);
  });

  it('reads scale from the words: tolls, people affected, money, and not years or scores', () => {
    expect(scaleSignals('A quake struck, killing more than 2,000 people.')).toEqual({ casualties: 2000, affected: 0, money: 0 });
    expect(scaleSignals('Thousands were evacuated as 40,000 homes lost power.').affected).toBe(40000);
    expect(scaleSignals('The UN will release 15 million dollars.').money).toBe(15_000_000);
    expect(scaleSignals('They won 2-1 in 2019 in front of 14,200.')).toEqual({ casualties: 0, affected: 0, money: 0 });
  });

  it('puts the biggest news first, names both outlets, uses each one\'s facts and explains the order', async () => {
    const stories = buildStories(articles);
    expect(stories[0]!.articles.map((a) => a.id)).toEqual(['quake-bbc', 'quake-reuters']);
    // The newest report (a sports result) does not outrank thousands dead reported by two outlets.
    expect(stories.findIndex((s) => s.articles[0]!.id === 'cup-final')).toBeGreaterThan(0);

    const doc = await createExtractiveWriter().write(briefingInput({ articles, targetSeconds: 240 }));
    const told = doc.segments.filter((s) => s.kind === 'story');
    const quake = told[0]!;
    expect(quake.articleIds).toEqual(['quake-bbc', 'quake-reuters']);
    expect(quake.text).toMatch(/BBC News and Reuters report\./);
    // A fact only the second outlet has is read, credited to it.
    expect(quake.text).toMatch(/Reuters also reported that .*(9,000|homes|15 million dollars)/);

    const order = explainStoryOrder(articles, doc);
    expect(order.map((o) => o.id)).toEqual(told.map((s) => s.id));
    expect(order[0]!.reasons).toEqual(expect.arrayContaining(['2 outlets', '9,000 killed or hurt']));
    expect(order.map((o) => o.position)).toEqual(told.map((_, i) => i + 1));
    for (let i = 1; i < order.length; i++) expect(order[i]!.weight).toBeLessThanOrEqual(order[i - 1]!.weight);
  });
});
