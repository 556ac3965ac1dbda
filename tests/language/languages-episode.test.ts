import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showConfigSchema, type ShowConfig, type ShowConfigInput } from '../../src/config/show-config.js';
import { createEpisode } from '../../src/pipeline/build-now.js';
import { EpisodeStore } from '../../src/pipeline/episode-store.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { briefcastFailure } from '../support/briefcast-failure.js';

const fixtures = new URL('../fixtures/languages/', import.meta.url).pathname;
const date = new Date('2026-12-01T07:00:00Z');

function show(id: string, language: string, voice: string, extra: Partial<ShowConfigInput> = {}): ShowConfig {
  return showConfigSchema.parse({
    id,
    title: 'Briefcast Test',
    description: 'Language tests',
    author: 'Tests',
    language,
    voice: { provider: 'espeak', name: voice },
    targetMinutes: 1,
    pauses: { segmentMs: 100, storyMs: 200 },
    ...extra,
  });
}

/** Warnings about left-out articles (the ear check's and the length warning judge the writer, not the language handling). */
function languageWarnings(record: { warnings?: { code: string }[] }): { code: string }[] {
  return (record.warnings ?? []).filter((warning) => warning.code.startsWith('article-'));
}

async function transcript(app: TestApp, record: { files?: Record<string, { key: string }> }): Promise<string> {
  const key = record.files?.['transcript-text']?.key;
  expect(key).toBeDefined();
  return readFile(join(app.publishDir, ...key!.split('/')), 'utf8');
}

describe('an article in the show language, for German, Spanish, French and Russian shows (real eSpeak NG audio)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ now: date });
  });
  afterAll(() => app?.dispose());

  const cases = [
    { language: 'de', voice: 'de', intro: 'Hier ist Briefcast Test', body: 'Die Strecke soll den Bahnhof mit dem Klinikum', outro: 'Danke fürs Zuhören' },
    { language: 'es', voice: 'es', intro: 'Esto es Briefcast Test', body: 'El proyecto ocupará unas veinte hectáreas', outro: 'Gracias por su atención' },
    { language: 'fr', voice: 'fr-fr', intro: 'Ici Briefcast Test', body: 'Le bâtiment accueille plus de quarante mille livres', outro: 'Merci de votre écoute' },
    { language: 'ru', voice: 'ru', intro: 'Это Briefcast Test', body: 'Мост соединил старый центр с новыми жилыми районами', outro: 'Спасибо, что были с нами' },
  ];
  for (const c of cases) {
    it(`${c.language}: framing in ${c.language}, the body in the transcript, audio from the ${c.voice} voice`, async () => {
      const record = await createEpisode(app.ctx, { show: show(`lang-${c.language}`, c.language, c.voice), sources: [join(fixtures, `${c.language}.txt`)], date });
      expect(record.status).toBe('published');
      expect(languageWarnings(record)).toEqual([]);
      const text = await transcript(app, record);
      expect(text).toContain(c.intro);
      expect(text).toContain(c.body);
      expect(text).toContain(c.outro);
      const story = record.segments.find((segment) => segment.kind === 'story')!;
      expect(story.voice).toBe(c.voice);
      expect(story.durationSeconds).toBeGreaterThan(5);
      const articles = await new EpisodeStore(app.ctx.work).getArticles(record.showId, record.id);
      expect(articles[0]?.language).toBe(c.language);
    });
  }
});

describe('an article in another language than the show', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ now: date });
  });
  afterAll(() => app?.dispose());
  const sources = [join(fixtures, 'en.txt'), join(fixtures, 'de.txt')];

  it('"read": the German story gets the engine\'s German voice, and the transition names the language', async () => {
    const record = await createEpisode(app.ctx, { show: show('mixed-read', 'en', 'en-us'), sources, date });
    const german = record.segments.find((segment) => segment.kind === 'story' && segment.text.includes('Straßenbahnlinie'))!;
    const english = record.segments.find((segment) => segment.kind === 'story' && segment.text.includes('Kellmouth'))!;
    expect(german.voice).toBe('de');
    expect(english.voice).toBe('en-us');
    const before = record.segments[record.segments.indexOf(german) - 1]!;
    expect(before.kind).toBe('transition');
    expect(before.text).toContain('The next report is in German.');
    expect(languageWarnings(record)).toEqual([]);
  });

  it('"read" with a configured voice for the language uses that voice', async () => {
    const configured = show('mixed-voice', 'en', 'en-us', { otherLanguages: { handling: 'read', voices: { de: { provider: 'espeak', name: 'de+f3' } } } });
    const record = await createEpisode(app.ctx, { show: configured, sources, date });
    const german = record.segments.find((segment) => segment.kind === 'story' && segment.text.includes('Straßenbahnlinie'))!;
    expect(german.voice).toBe('de+f3');
  });

  it('"skip": the German article is left out with a warning and the episode goes on', async () => {
    const skipping = show('mixed-skip', 'en', 'en-us', { otherLanguages: { handling: 'skip' } });
    const record = await createEpisode(app.ctx, { show: skipping, sources, date });
    expect(record.status).toBe('published');
    expect(record.segments.filter((segment) => segment.kind === 'story')).toHaveLength(1);
    expect(await transcript(app, record)).not.toContain('Straßenbahnlinie');
    expect(languageWarnings(record)).toEqual([expect.objectContaining({ code: 'article-other-language', message: expect.stringContaining('German') })]);
  });

  it('"skip" with nothing left in the show language fails with a clear error', async () => {
    const skipping = show('only-foreign', 'en', 'en-us', { otherLanguages: { handling: 'skip' } });
    const failure = await briefcastFailure(createEpisode(app.ctx, { show: skipping, sources: [join(fixtures, 'ru.txt')], date }));
    expect(failure.code).toBe('INPUT_EMPTY');
    expect(failure.message).toContain('Russian');
  });
});
