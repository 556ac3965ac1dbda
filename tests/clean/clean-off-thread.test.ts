import { afterAll, describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/clean/index.js';
import { cleanArticles } from '../../src/clean/clean-off-thread.js';
import type { Article } from '../../src/core/types.js';
import { closeOffThreadPool } from '../../src/offthread/pool.js';

const story = (n: number, extra: string): Article => ({
  id: `s${n}`,
  title: `Story ${n}`,
  text: `The council met on Tuesday to agree the budget for story ${n}.\n\n${extra}\n\nMembers voted by a wide margin, officials said.`,
  source: `story-${n}.txt`,
});

describe('cleaning in the worker pool', () => {
  afterAll(() => closeOffThreadPool());

  it('gives what cleanArticle gives on the main thread, in input order', async () => {
    const articles = [story(1, 'Photo: Reuters'), story(2, 'Sign up for our newsletter.'), story(3, 'Listen to our latest podcast.'), story(4, 'Read more: other news')];
    const cleaned = await cleanArticles(articles);
    expect(cleaned).toEqual(articles.map((article) => cleanArticle(article)));
    expect(cleaned.map((article) => article.id)).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('fails with the BriefcastError the rules threw, naming the article', async () => {
    const noise: Article = { id: 'n', title: 'Gallery', text: 'Photo: Reuters\n\nSign up for our newsletter.', source: 'https://news.example.com/gallery' };
    await expect(cleanArticles([story(1, ''), noise])).rejects.toMatchObject({ code: 'INPUT_EMPTY', subject: 'https://news.example.com/gallery' });
  });
});
