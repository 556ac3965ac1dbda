import { describe, expect, it } from 'vitest';
import { isBriefcastError } from '../../src/core/errors.js';
import { createExtractiveWriter } from '../../src/script/extractive-writer.js';
import { extractStorySentences } from '../../src/script/story-extract.js';
import { scriptDocumentSchema } from '../../src/script/script-schema.js';
import { briefingInput, loadArticles, words } from './fixtures.js';

/** Producer order, so the assertions below can name stories by position. */
const writer = createExtractiveWriter({ order: 'given' });

function totalWords(segments: { text: string }[]): number {
  return segments.reduce((n, s) => n + words(s.text), 0);
}

describe('extractive writer', () => {
  it.each([90, 180, 300])('keeps a %i-second briefing within 10%% of its word budget', async (targetSeconds) => {
    const doc = await writer.write(briefingInput({ targetSeconds }));
    const target = (targetSeconds * 150) / 60;
    expect(Math.abs(totalWords(doc.segments) - target)).toBeLessThanOrEqual(target * 0.1);
  });

  it('is deterministic: the same input gives byte-identical JSON', async () => {
    const a = JSON.stringify(await writer.write(briefingInput()));
    const b = JSON.stringify(await createExtractiveWriter({ order: 'given' }).write(briefingInput()));
    expect(a).toBe(b);
  });

  it('opens with an intro naming the show, the date and short labels of the top three stories, and closes with an outro', async () => {
    const doc = await writer.write(briefingInput());
    const intro = doc.segments[0]!;
    expect(intro.kind).toBe('intro');
    expect(intro.text).toBe(
      'This is Harbridge Morning, your briefing for Tuesday, 4 March 2025. Today: Harbridge council; Central bank; and deep-sea coral reef.',
    );
    expect(intro.id).toMatch(/^intro-[0-9a-f]{8}$/);
    const outro = doc.segments.at(-1)!;
    expect(outro.kind).toBe('outro');
    expect(outro.text).toContain('Harbridge Morning');
    expect(doc).toMatchObject({ version: 1, date: '2025-03-04', writer: 'extractive', language: 'en' });
    expect(scriptDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('tells every story once, between varied transitions ending in "And finally."', async () => {
    const doc = await writer.write(briefingInput());
    expect(doc.segments.map((s) => s.kind)).toEqual([
      'intro', 'story', 'transition', 'story', 'transition', 'story', 'transition', 'story', 'transition', 'story', 'outro',
    ]);
    const transitions = doc.segments.filter((s) => s.kind === 'transition').map((s) => s.text);
    expect(transitions).toEqual(['Next.', 'In other news.', 'Also today.', 'And finally.']);
    expect(new Set(doc.segments.map((s) => s.id)).size).toBe(doc.segments.length);
  });

  it('gives each story segment its article id, headline, sources and no episode-specific words', async () => {
    const articles = loadArticles();
    const doc = await writer.write(briefingInput());
    const stories = doc.segments.filter((s) => s.kind === 'story');
    expect(stories.map((s) => s.id)).toEqual(articles.map((a) => a.id));
    const tram = stories[0]!;
    expect(tram.title).toBe(articles[0]!.title);
    expect(tram.articleIds).toEqual([articles[0]!.id]);
    expect(tram.sources).toEqual([{ title: articles[0]!.title, url: articles[0]!.url, siteName: 'Harbridge Post' }]);
    // The lead sentence carries the headline, so the headline is folded into it rather than read before it.
    expect(tram.text.startsWith('Harbridge City Council has approved a 45 million pounds plan to extend the city\'s tram line to the airport')).toBe(true);
    expect(tram.text).not.toContain('Harbridge council approves');
    // The same story in another episode, at another position, reads the same.
    const alone = await writer.write(briefingInput({ articles: [articles[4]!, articles[0]!], targetSeconds: 60 }));
    const soloTram = alone.segments.find((s) => s.id === tram.id)!;
    expect(soloTram.text).not.toMatch(/\b(next|finally|also today)\b/i);
    expect(tram.text).not.toMatch(/\b(next|finally|also today)\b/i);
  });

  it('lets no story starve and gives a short story\'s unused words to the others', async () => {
    const doc = await writer.write(briefingInput({ targetSeconds: 300 }));
    const stories = doc.segments.filter((s) => s.kind === 'story');
    for (const story of stories) expect(words(story.text)).toBeGreaterThan(words(story.title ?? '') + 10);
    const storm = stories.find((s) => s.id === 'storm-5be8d402')!;
    const others = stories.filter((s) => s !== storm).map((s) => words(s.text));
    expect(words(storm.text)).toBeLessThan(Math.min(...others));
    // Storm Elena's whole article fits, so it is read in full.
    expect(storm.text).toContain('restore services on Wednesday morning.');
  });

  it('keeps a quotation with its speaker', async () => {
    const articles = loadArticles();
    for (const targetSeconds of [60, 120, 240, 400]) {
      const doc = await writer.write(briefingInput({ articles, targetSeconds }));
      const all = doc.segments.map((s) => s.text).join(' ');
      if (all.includes('Tonight we fixed that.')) expect(all).toContain('he said.');
      if (all.includes('It was like finding a forest')) expect(all).toContain('Solberg said.');
      if (all.includes('The players have given everything')) expect(all).toContain('manager Claire Hendry said after the match');
    }
    // With room for the whole tram article, the multi-sentence quotation appears with its speaker.
    const doc = await writer.write(briefingInput({ articles: [articles[0]!], targetSeconds: 200 }));
    expect(doc.segments[1]!.text).toContain('"Tonight we fixed that. A trip from the centre will take 19 minutes."');
    expect(doc.segments[1]!.text).toContain('"For years people have told us the airport felt like it was in another county," he said.');
  });

  it('reads written prose for the ear, or verbatim with spoken rewriting off', async () => {
    const doc = await writer.write(briefingInput({ targetSeconds: 600 }));
    const all = doc.segments.map((s) => s.text).join(' ');
    expect(all).not.toMatch(/https?:|@|\(|\)|£|\$|%|\bU\.S\./);
    expect(all).toContain('4.5 percent');
    const raw = extractStorySentences([loadArticles()[1]!], 'Central bank holds rates', 40, { spoken: false });
    expect(raw[0]).toBe(
      'WASHINGTON (Reuters) - The U.S. central bank held its benchmark interest rate at 4.5% on Tuesday, saying inflation had cooled but remained above its 2% target.',
    );
  });

  it('refuses an empty article list with INPUT_EMPTY', async () => {
    const error = await writer.write(briefingInput({ articles: [] })).catch((e: unknown) => e);
    expect(isBriefcastError(error, 'INPUT_EMPTY')).toBe(true);
  });
});
