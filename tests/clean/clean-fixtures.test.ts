import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanArticle, cleanArticleWithReport } from '../../src/clean/index.js';
import type { Article } from '../../src/core/types.js';

const dir = fileURLToPath(new URL('../fixtures/articles/clean/', import.meta.url));
const read = (name: string) => readFileSync(dir + name, 'utf8').trim();

function fixtureArticle(name: string): Article {
  const [title = '', ...rest] = read(`${name}.input.txt`).split('\n');
  return { id: `fixture-${name}`, title, text: rest.join('\n').trim(), source: `fixtures/${name}.input.txt` };
}

const fixtures = readdirSync(dir)
  .filter((file) => file.endsWith('.input.txt'))
  .map((file) => file.replace('.input.txt', ''));

describe('cleanArticle on fixtures', () => {
  it('has a fixture for every kind of noise and for negatives', () => {
    expect(fixtures).toEqual(
      expect.arrayContaining(['credits', 'captions-teasers', 'promos', 'related-links', 'alt-text', 'byline-dateline', 'negatives']),
    );
  });

  it.each(fixtures)('%s: keeps exactly the expected story text', (name) => {
    const cleaned = cleanArticle(fixtureArticle(name));
    expect(cleaned.text).toBe(read(`${name}.expected.txt`));
  });

  it('leaves real prose that mentions newsletters, photos, podcasts and agencies untouched', () => {
    const article = fixtureArticle('negatives');
    const report = cleanArticleWithReport(article);
    expect(report.removed).toEqual([]);
    expect(report.article.text).toBe(article.text);
  });

  it('moves byline and dateline into metadata and keeps id and source', () => {
    const article = fixtureArticle('byline-dateline');
    const cleaned = cleanArticle(article);
    expect(cleaned.byline).toBe('Jane Doe and Tom Reyes, Diplomatic Correspondents');
    expect(cleaned.dateline).toBe('GENEVA (Meridian Wire) -');
    expect(cleaned.id).toBe(article.id);
    expect(cleaned.source).toBe(article.source);
    expect(cleaned.text).not.toMatch(/GENEVA|Jane Doe/);
  });

  it('reports which rule removed each paragraph', () => {
    const report = cleanArticleWithReport(fixtureArticle('captions-teasers'));
    const rules = new Set(report.removed.map((entry) => entry.rule));
    expect(rules).toEqual(new Set(['teaser', 'caption']));
    expect(report.removed).toHaveLength(8);
  });
});

describe('cleanArticle on the README example', () => {
  it('removes the caption credit, teaser and podcast plug and keeps the news', () => {
    const text = [
      'The agreement was signed at dawn. Credit: PA',
      'Transport ministers from both countries agreed a new rail deal on Tuesday, officials confirmed.',
      'Is this the end of the dispute? Our Europe Correspondent Sam Lee reports',
      'Want a quick and expert briefing on the biggest stories? Listen to our latest podcasts to find out What You Need To Know...',
    ].join('\n\n');
    const cleaned = cleanArticle({ id: 'r', title: 'Ministers agree new rail deal after overnight talks', text, source: 'readme' });
    expect(cleaned.text).toBe('Transport ministers from both countries agreed a new rail deal on Tuesday, officials confirmed.');
  });
});

describe('cleanArticle errors', () => {
  it('throws INPUT_EMPTY with the article source when only noise remains', () => {
    const article: Article = {
      id: 'n',
      title: 'Gallery',
      text: 'Photo: Reuters\n\nSign up for our newsletter.\n\nWatch: The best pictures of the week',
      source: 'https://news.example.com/gallery',
    };
    expect(() => cleanArticle(article)).toThrowError(
      expect.objectContaining({ code: 'INPUT_EMPTY', subject: 'https://news.example.com/gallery' }),
    );
  });

  it('strips "Watch:" and "LIVE:" labels from titles', () => {
    const cleaned = cleanArticle({ id: 't', title: 'LIVE: Budget day as it happens', text: 'The chancellor stood up at 12:30.', source: 's' });
    expect(cleaned.title).toBe('Budget day as it happens');
  });

  it('says a repeated caption-free paragraph once', () => {
    const cleaned = cleanArticle({ id: 'd', title: 'T', text: 'Rain fell all day.\n\nRain fell all day.\n\nRivers rose.', source: 's' });
    expect(cleaned.text).toBe('Rain fell all day.\n\nRivers rose.');
  });
});
