import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleId, ingestSources, ingestText } from '../../src/ingest/index.js';
import { ingestHtml } from '../../src/ingest/ingest-html.js';
import { ingestMarkdown } from '../../src/ingest/ingest-markdown.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/articles/ingest/${name}`, import.meta.url));

describe('ingestText and ingestMarkdown', () => {
  it('reduces Markdown to prose: heading as title, no image, link words kept, list items as paragraphs', () => {
    const article = ingestMarkdown(readFileSync(fixture('story.md'), 'utf8'), 'story.md');
    expect(article.title).toBe('Library opens late-night study rooms');
    expect(article.text).toBe(
      [
        'The city library will open three study rooms until midnight from 1 September, after a petition signed by 4,200 students.',
        'The rooms will offer:',
        'free wifi and power sockets',
        'a quiet zone with 40 desks',
        'Staff will check library cards at the door, using the CardCheck system. The trial runs until June.',
      ].join('\n\n'),
    );
    expect(article.text).not.toMatch(/Students at desks|students\.jpg|[*`#[\]]/);
  });

  it('reads optional front matter as metadata', () => {
    const article = ingestMarkdown(readFileSync(fixture('front-matter.md'), 'utf8'), 'front-matter.md');
    expect(article).toMatchObject({
      title: 'Ferry service returns to Lundy Sound',
      byline: 'Mia Rhodes',
      publishedAt: '2025-06-02T00:00:00.000Z',
      url: 'https://news.example.com/ferry',
      text: 'The ferry to Lundy Sound will run again from Friday after a six-week break for engine repairs.',
    });
  });

  it('takes the first line of plain text as the headline and unwraps hard-wrapped paragraphs', () => {
    const article = ingestText(readFileSync(fixture('story.txt'), 'utf8'), 'story.txt');
    expect(article.title).toBe('Town approves new skate park');
    expect(article.text).toBe(
      'The town council approved plans for a £250,000 skate park on Wednesday, ending a three-year campaign by local teenagers.\n\n' +
        'Work will begin in the spring and should take about four months.',
    );
  });

  it('keeps a short unpunctuated line (a credit) as its own paragraph for the cleaner', () => {
    const article = ingestText('Title\n\nThe minister spoke on Tuesday.\nPhoto: Reuters\nShe left at noon.', 's.txt');
    expect(article.text).toBe('The minister spoke on Tuesday.\n\nPhoto: Reuters\n\nShe left at noon.');
  });

  it('gives the same story the same id whatever the whitespace and case', () => {
    const a = ingestText('Storm hits coast\n\nWaves broke over the wall.', 'a.txt');
    const b = ingestMarkdown('# Storm hits coast\n\nWaves  broke over the wall.\n', 'b.md');
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    expect(b.id).toBe(a.id);
    expect(articleId('Storm hits coast', 'Waves broke over the wall!')).not.toBe(a.id);
  });
});

describe('ingestHtml', () => {
  const html = readFileSync(fixture('page.html'), 'utf8');

  it('extracts the article paragraphs and never the script, style, noscript, iframe, nav, caption or alt text', () => {
    const article = ingestHtml(html, 'page.html');
    expect(article.text).toBe(
      [
        'Repairs to the harbour wall at Porthcove were finished on Tuesday, three weeks ahead of schedule and £80,000 under budget.',
        'The wall was damaged by storms last winter, when waves broke through a 15-metre section and flooded the fish market.',
        '"The fishermen can finally stop worrying every time the forecast turns," said harbour master Colin Tregear.',
        'The work used 600 tonnes of granite from a quarry near Penryn.',
      ].join('\n\n'),
    );
    expect(`${article.title} ${article.text}`).not.toMatch(/LEAK|never read|document\.write|display: none/);
  });

  it('keeps title, byline, dates, site name and canonical URL as metadata', () => {
    const article = ingestHtml(html, 'page.html', 'https://gazette.example.com/some/path');
    expect(article).toMatchObject({
      title: 'Harbour wall repairs finished early',
      byline: 'Ruth Penrose',
      siteName: 'Coast Gazette',
      publishedAt: '2025-01-15T08:00:00.000Z',
      url: 'https://gazette.example.com/news/harbour-wall',
      language: 'en-GB',
      source: 'page.html',
    });
  });

  it('falls back to og:url and JSON-LD datePublished', () => {
    const page = `<html><head><meta property="og:url" content="https://x.example/a"><script type="application/ld+json">
      {"@graph":[{"@type":"NewsArticle","datePublished":"2024-02-03T04:05:06Z","publisher":{"name":"X News"}}]}</script></head>
      <body><article><h1>Headline here</h1><p>${'Body text of the story. '.repeat(12)}</p></article></body></html>`;
    const article = ingestHtml(page, 'inline');
    expect(article).toMatchObject({ url: 'https://x.example/a', publishedAt: '2024-02-03T04:05:06.000Z', siteName: 'X News' });
  });

  it('reads inline HTML fragments', () => {
    const article = ingestHtml(readFileSync(fixture('fragment.html'), 'utf8'), 'inline');
    expect(article.title).toBe('Bakery wins national award');
    expect(article.text).toBe('A family bakery in Ashby has won a national award for its sourdough.\n\nThe judges praised its "perfect crust".');
  });

  it('throws NO_EXTRACTABLE_TEXT when a page has nothing to read', () => {
    expect(() => ingestHtml(readFileSync(fixture('no-text.html'), 'utf8'), 'no-text.html')).toThrowError(
      expect.objectContaining({ code: 'NO_EXTRACTABLE_TEXT', subject: 'no-text.html' }),
    );
  });
});

describe('ingestSources on files and folders', () => {
  it('reads each format from disk and returns articles in input order', async () => {
    const sources = [fixture('story.txt'), fixture('page.html'), fixture('story.md')];
    const articles = await ingestSources(sources);
    expect(articles.map((a) => a.source)).toEqual(sources);
    expect(articles.map((a) => a.title)).toEqual([
      'Town approves new skate park',
      'Harbour wall repairs finished early',
      'Library opens late-night study rooms',
    ]);
  });

  it('reads a folder sorted by name, into sub-folders but not hidden ones, skipping other files', async () => {
    const articles = await ingestSources([fixture('folder')]);
    expect(articles.map((a) => a.title)).toEqual(['First story', 'Second story', 'Third story']);
    expect(articles.map((a) => a.text).join(' ')).not.toMatch(/must not be read|not":/);
    expect(articles[2]?.source).toBe(fixture('folder/sub/c-third.html'));
  });

  it('honours the charset an HTML file declares', async () => {
    const [article] = await ingestSources([fixture('latin1.html')]);
    expect(article?.title).toBe('Café réopens in São João');
    expect(article?.text).toContain('José Araújo said, after a year of repairs costing £40,000.');
  });

  it('ingests the eight examples the demo uses', async () => {
    const examples = fileURLToPath(new URL('../../examples', import.meta.url));
    const articles = await ingestSources([examples]);
    expect(articles).toHaveLength(8);
    for (const article of articles) expect(article.text.split(/\s+/).length).toBeGreaterThan(200);
  });
});
