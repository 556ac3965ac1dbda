import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpisodeRecord } from '../../src/core/episode.js';
import { episodeView } from '../../src/server/episode-view.js';
import { runCli } from '../support/run-cli.js';

const fixtures = new URL('../fixtures/languages/', import.meta.url).pathname;

describe('warnings reach the producer', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-warnings-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('briefcast create prints a left-out article and the length findings, and still publishes', { timeout: 300_000 }, async () => {
    const show = join(root, 'show.json');
    await writeFile(
      show,
      JSON.stringify({ id: 'warn-show', title: 'Warnings Test', description: 'd', author: 'a', language: 'en', targetMinutes: 3, otherLanguages: { handling: 'skip' } }),
    );
    const env = { BRIEFCAST_DATA_DIR: join(root, 'data'), BRIEFCAST_PUBLISH_DIR: join(root, 'published'), BRIEFCAST_PUBLIC_URL: 'http://127.0.0.1:8080' };
    const result = await runCli(['create', join(fixtures, 'en.txt'), join(fixtures, 'de.txt'), '--show', show], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(': published');
    expect(result.stdout).toMatch(/warning: {2}left out "Stadtrat beschließt neue Straßenbahnlinie": written in German.*\[article-other-language\]/);
    // One short article cannot fill three minutes: the writer's length check says so.
    expect(result.stdout).toMatch(/warning: {2}sources are shorter than the target: \d+ words for a 3\.0 min target.*\[SOURCES_SHORT\]/);
    // And the measured audio says the same after stitching.
    expect(result.stdout).toMatch(/warning: {2}the episode is \d+ s long for a 180 s target \(-\d+%\), measured after stitching \[length-off-target\]/);
  });

  it('the API view of an episode carries its warnings', () => {
    const record: EpisodeRecord = {
      id: 'e1',
      showId: 's',
      title: 't',
      date: '2026-12-01',
      createdAt: '2026-12-01T00:00:00Z',
      updatedAt: '2026-12-01T00:00:00Z',
      status: 'draft',
      description: '',
      sources: [],
      chapters: [],
      segments: [],
      warnings: [{ code: 'ear-context-opener', message: 'story opens with a connective', segmentId: 'story-1' }],
    };
    expect(episodeView(record, { feedUrl: 'http://x/feed.xml' }).warnings).toEqual(record.warnings);
    expect(episodeView({ ...record, warnings: undefined }, { feedUrl: 'http://x/feed.xml' })).not.toHaveProperty('warnings');
  });
});
