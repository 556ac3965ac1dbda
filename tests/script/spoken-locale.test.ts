import { describe, expect, it } from 'vitest';
import { showConfigSchema } from '../../src/config/show-config.js';
import type { Article } from '../../src/core/types.js';
import { createExtractiveWriter } from '../../src/script/extractive-writer.js';
import { resolveLocale, toSpoken } from '../../src/script/spoken.js';
import { toSsml } from '../../src/tts/ssml.js';
import { briefingInput } from './fixtures.js';

const base = { id: 'locale', title: 'Locale', description: 'News.', author: 'Briefcast' };

function article(title: string, text: string): Article {
  return { id: `a-${title.length}`, title, text, source: 'test.txt' };
}

describe('show locale', () => {
  it('is optional, takes language-REGION, and must belong to the show language', () => {
    expect(showConfigSchema.parse(base).locale).toBeUndefined();
    expect(showConfigSchema.parse({ ...base, locale: 'en-US' }).locale).toBe('en-US');
    expect(showConfigSchema.parse({ ...base, language: 'de', locale: 'de-AT' }).locale).toBe('de-AT');
    expect(() => showConfigSchema.parse({ ...base, locale: 'american' })).toThrow(/locale such as/);
    expect(() => showConfigSchema.parse({ ...base, locale: 'en-us' })).toThrow(/locale such as/);
    expect(() => showConfigSchema.parse({ ...base, language: 'en', locale: 'de-DE' })).toThrow(/show's language/);
  });

  it('defaults from the language: day-month (en-GB) for plain English', () => {
    expect(resolveLocale('en')).toBe('en-GB');
    expect(resolveLocale('en-US')).toBe('en-US');
    expect(resolveLocale('de')).toBe('de');
    expect(resolveLocale('en', 'en-US')).toBe('en-US');
  });
});

describe('the writers read in the show locale', () => {
  const articles = [article('Talks set for 12/04/2026', 'Ministers will meet on 12/04/2026 in Harbridge. The talks will cover 150km of new road.')];
  const writer = createExtractiveWriter({ order: 'given' });

  it('reads numeric dates day-month by default and month-day for en-US', async () => {
    const gb = await writer.write(briefingInput({ articles }));
    const us = await writer.write(briefingInput({ articles, locale: 'en-US' }));
    const gbStory = gb.segments.find((s) => s.kind === 'story')!.text;
    const usStory = us.segments.find((s) => s.kind === 'story')!.text;
    expect(gbStory).toContain('the twelfth of April twenty twenty-six');
    expect(gbStory).toContain('150 kilometres');
    expect(usStory).toContain('December fourth, twenty twenty-six');
    expect(usStory).toContain('150 kilometers');
  });

  it('uses the German rules for a German show', async () => {
    const german = [article('Gipfel am 12.04.2026', 'Die Minister treffen sich am 12.04.2026 in Berlin. Der Plan kostet 3,5 Mrd. € und 2 %.')];
    const doc = await writer.write(briefingInput({ articles: german, language: 'de' }));
    const story = doc.segments.find((s) => s.kind === 'story')!.text;
    expect(story).toContain('am zwölften April 2026');
    expect(story).toContain('3,5 Milliarden Euro und 2 Prozent');
  });

  it('reads a story in another language than the show\'s by that language\'s rules', async () => {
    const german = { ...article('Dr. Müller tritt zurück', 'Die Ministerin Dr. Müller trat am 12.04.2026 zurück. Der Plan kostet 3,5 Mrd. €.'), language: 'de' };
    const english = { ...article('Dr. Lee joins the board', 'Dr. Lee joins the board on 12 April 2026. She was chosen from 40 applicants.'), id: 'english' };
    const doc = await writer.write(briefingInput({ articles: [german, english], language: 'en' }));
    const stories = doc.segments.filter((s) => s.kind === 'story');
    const de = stories.find((s) => s.articleIds?.includes(german.id))!.text;
    const en = stories.find((s) => s.articleIds?.includes('english'))!.text;
    expect(de).toContain('Doktor Müller');
    expect(de).not.toContain('Doctor');
    expect(de).toContain('3,5 Milliarden Euro');
    expect(en).toContain('Doctor Lee');
  });
});

describe('say-as for SSML engines', () => {
  it('marks initialisms the normaliser spelled out as characters', () => {
    const ssml = toSsml(toSpoken('The WHO and NATO met.'), { tags: ['s', 'say-as'] });
    expect(ssml).toBe('<speak><s>The <say-as interpret-as="characters">WHO</say-as> and Nato met.</s></speak>');
    expect(toSsml('The W-H-O met.', { tags: ['s'] })).toBe('<speak><s>The W-H-O met.</s></speak>');
  });
});

describe('hostile text', () => {
  it('skips 100,000-character words and control characters, and keeps the words around them', () => {
    for (const locale of ['en-GB', 'de', 'fr', 'es', 'ru']) {
      for (const junk of ['x'.repeat(100_000), '1,'.repeat(50_000), 'A.'.repeat(50_000), '1-'.repeat(50_000)]) {
        expect(toSpoken(`Before ${junk} after.`, { locale })).toBe('Before after.');
      }
      expect(toSpoken('Bell\u0007 and\u0000 escape\u001b[31m text.', { locale })).not.toMatch(/[\u0000-\u001f]/);
    }
  });

  it('drops letters of scripts the show does not speak, but keeps the show\'s own script', () => {
    expect(toSpoken('Он сказал: привет, Paris и שלום.', { locale: 'ru' })).toBe('Он сказал: привет, Paris и.');
    expect(toSpoken('He said привет and 你好 then left.', { locale: 'en-GB' })).toBe('He said and then left.');
    expect(toSpoken('Unknown-language text keeps 你好.', { locale: 'zz' })).toBe('Unknown-language text keeps 你好.');
  });
});
