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

  it('reads scale in German, French, Spanish and Russian: their number formats, multipliers and words', () => {
    const cases: Array<[string, string, Partial<ReturnType<typeof scaleSignals>>]> = [
      ['de', 'Das Erdbeben tötete mindestens 2.000 Menschen.', { casualties: 2000 }],
      ['de', 'Mehr als 300 Menschen kamen ums Leben.', { casualties: 300 }],
      ['de', 'Rund 40.000 Haushalte sind seit Sonntag ohne Strom.', { affected: 40000 }],
      ['de', 'Die Regierung stellt 1,5 Milliarden Euro bereit.', { money: 1.5e9 }],
      ['de', 'Der Umbau kostet 2,5 Mio. €.', { money: 2.5e6 }],
      ['fr', 'Le séisme a fait plus de 2 000 morts.', { casualties: 2000 }],
      ['fr', 'Des milliers de personnes ont été évacuées.', { affected: 1000 }],
      ['fr', "L'État débloque 15 millions d'euros.", { money: 15e6 }],
      ['es', 'El terremoto dejó más de 2.000 muertos.', { casualties: 2000 }],
      ['es', 'Unas 40.000 viviendas se quedaron sin luz.', { affected: 40000 }],
      ['es', 'El Gobierno aprobó una ayuda de 3 mil millones de dólares.', { money: 3e9 }],
      ['ru', 'Землетрясение унесло жизни более 2 000 человек.', { casualties: 2000 }],
      ['ru', 'Около 40 тысяч жителей эвакуированы.', { affected: 40000 }],
      ['ru', 'Правительство выделит 1,5 млрд рублей.', { money: 1.5e9 }],
    ];
    for (const [language, text, expected] of cases) {
      expect(scaleSignals(text, language), `${language}: ${text}`).toEqual({ casualties: 0, affected: 0, money: 0, ...expected });
    }
    // Figures of other things, years and scores carry no scale, in any of them.
    for (const [language, text] of [
      ['de', 'Der Verein gewann 2:1 im Jahr 2019 vor 14.200 Zuschauern.'],
      ['fr', 'Le train parcourt 1 200 kilomètres en 2024.'],
      ['es', 'El equipo ganó 3-1 ante 20.000 aficionados en 2019.'],
      ['ru', 'Поезд проходит 2 000 километров за сутки.'],
    ] as const) {
      expect(scaleSignals(text, language), `${language}: ${text}`).toEqual({ casualties: 0, affected: 0, money: 0 });
    }
  });

  it('puts a German report of thousands dead before a newer sports result, and says why', () => {
    const de = (id: string, title: string, text: string, publishedAt: string) => ({ id, title, text, source: 'test', language: 'de', publishedAt });
    const stories = buildStories([
      de('pokal', 'Lübeck gewinnt den Pokal', 'Der VfB Lübeck hat am Abend das Pokalfinale mit 2:1 gewonnen. Vor 14.200 Zuschauern traf Jonas Rehm zweimal.', '2026-03-04T20:00:00Z'),
      de('beben', 'Schweres Erdbeben in der Osttürkei', 'Bei einem schweren Erdbeben in der Osttürkei sind mehr als 3.000 Menschen ums Leben gekommen. Tausende wurden verletzt.', '2026-03-04T14:00:00Z'),
    ]);
    expect(stories.map((s) => s.id.split('-')[0])).toEqual(['beben', 'pokal']);
    expect(stories[0]!.importance.reasons).toContain('3,000 killed or hurt');
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
