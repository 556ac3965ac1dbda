import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShowFile } from '../../src/config/load-show.js';
import { isBriefcastError } from '../../src/core/errors.js';
import { createEpisode } from '../../src/pipeline/build-now.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const run = promisify(execFile);
const fixtures = new URL('../fixtures/pipeline/', import.meta.url).pathname;

describe('drafts and show artwork', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app?.dispose());

  it('keeps a draft out of every public file: no audio, not in the flash briefing nor the podcast feed', async () => {
    const show = await loadShowFile(join(fixtures, 'show.json'));
    const record = await createEpisode(app.ctx, { show, sources: [join(fixtures, 'telescope.md')], date: new Date('2026-11-28T12:00:00Z'), draft: true });
    expect(record.status).toBe('draft');
    expect(app.synthesised).toEqual([]);
    const flashBody = await readFile(join(app.publishDir, 'shows', show.id, 'alexa.json'), 'utf8');
    expect(JSON.parse(flashBody)).toEqual([]);
    const feedXml = await readFile(join(app.publishDir, 'shows', show.id, 'feed.xml'), 'utf8');
    for (const body of [flashBody, feedXml]) expect(body).not.toContain('comet');
  });

  it('refuses artwork that is not square when the show file is loaded', async () => {
    const image = join(app.root, 'wide.png');
    await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=blue:s=1600x1400', '-frames:v', '1', image]);
    const showFile = join(app.root, 'show.json');
    await writeFile(showFile, JSON.stringify({ id: 'art', title: 'Art', description: 'd', author: 'a', artwork: 'wide.png' }));
    const error = await loadShowFile(showFile).catch((e: unknown) => e);
    expect(isBriefcastError(error, 'CONFIG_INVALID')).toBe(true);
    expect((error as Error).message).toMatch(/square.*1600x1400/);
  });
});
