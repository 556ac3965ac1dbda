import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { printEpisode } from '../../src/cli/commands/create.js';
import { episodeView } from '../../src/server/episode-view.js';
import { showConfigSchema } from '../../src/config/show-config.js';
import { buildFromArticles } from '../../src/pipeline/build-now.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { ffprobeJson } from '../support/media.js';
import { join } from 'node:path';
import { loadArticles } from './fixtures.js';

/** Real eSpeak NG audio, measured: the promise is about what the listener hears, not about word counts. */
describe('episode length with real eSpeak NG audio', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ now: new Date('2026-03-10T22:00:00Z') });
  });
  afterAll(() => app?.dispose());

  const show = (targetMinutes: number) =>
    showConfigSchema.parse({
      id: 'eastmoor', title: 'Eastmoor Evening', description: 'News.', author: 'Briefcast Tests', targetMinutes,
      pauses: { segmentMs: 400, storyMs: 900 },
    });

  it('lands within ±10% of a 2-minute target, intro, outro, transitions and pauses included', async () => {
    const articles = [...loadArticles('writer/stories.json'), ...loadArticles('writer/coherence.json')];
    const record = await buildFromArticles(app.ctx, show(2), articles, { date: new Date('2026-03-10T12:00:00Z'), episodeId: 'two-minutes' });
    expect(record.status).toBe('published');
    const probe = await ffprobeJson(join(app.publishDir, ...record.audio!.key.split('/')));
    const measured = Number(probe.format.duration);
    expect(Math.abs(measured - 120), `measured ${measured.toFixed(1)} s`).toBeLessThanOrEqual(12);
    // No ear-check or length warning: the record leaves out an empty list.
    expect(record.warnings ?? []).toEqual([]);
    console.log(`2-minute target: measured ${measured.toFixed(1)} s`);
    expect(record.storyOrder?.[0]).toMatchObject({ position: 1, reasons: expect.arrayContaining(['2 outlets']) });
  }, 120_000);

  it('says in the record that the sources are shorter than the target', async () => {
    const articles = loadArticles('writer/repetition.json');
    const record = await buildFromArticles(app.ctx, show(5), articles, { date: new Date('2026-03-10T12:00:00Z'), episodeId: 'too-short' });
    expect(record.warnings?.[0]?.message).toMatch(/^sources are shorter than the target: \d+ words for a 5\.0 min target/);
    // The API's episode view and the CLI carry the same words.
    expect(episodeView(record, { feedUrl: 'http://localhost/feed.xml' }).warnings).toEqual(record.warnings);
    const printed: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (printed.push(String(chunk)), true));
    try {
      printEpisode(record, 'http://localhost/feed.xml');
    } finally {
      spy.mockRestore();
    }
    expect(printed.join('')).toContain(`  warning:  ${record.warnings![0]!.message}`);
  }, 120_000);
});
