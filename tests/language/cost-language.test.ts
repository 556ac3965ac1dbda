import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const fixtures = new URL('../fixtures/languages/', import.meta.url).pathname;

/** `briefcast cost` prices what the build would read: an article the show leaves out for its language costs nothing. */
describe('briefcast cost and the show language', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-cost-language-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  async function characters(handling: 'skip' | 'read', files: string[]): Promise<number> {
    const show = join(root, `show-${handling}.json`);
    const config = { id: `cost-${handling}`, title: 'Cost Language', description: 'd', author: 'a', language: 'en', targetMinutes: 2, voice: { provider: 'espeak', name: 'en-gb' }, otherLanguages: { handling } };
    await writeFile(show, JSON.stringify(config));
    const result = await runCli(['cost', ...files.map((f) => join(fixtures, f)), '--show', show, '--json'], { BRIEFCAST_DATA_DIR: join(root, 'data') });
    expect(result.code, result.stderr).toBe(0);
    return (JSON.parse(result.stdout) as { characters: number }).characters;
  }

  it('does not count a German article a "skip" show leaves out, and counts it where the show reads it', { timeout: 300_000 }, async () => {
    const englishOnly = await characters('skip', ['en.txt']);
    expect(englishOnly).toBeGreaterThan(0);
    expect(await characters('skip', ['en.txt', 'de.txt'])).toBe(englishOnly);
    expect(await characters('read', ['en.txt', 'de.txt'])).toBeGreaterThan(englishOnly);
  });
});
