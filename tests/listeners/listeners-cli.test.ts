import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShowFile } from '../../src/config/load-show.js';
import { LocalStorage } from '../../src/storage/local-storage.js';
import { EpisodeStore } from '../../src/pipeline/episode-store.js';
import { runCli } from '../support/run-cli.js';

const fixtures = new URL('../fixtures/pipeline/', import.meta.url).pathname;

describe('briefcast listeners add|list|rotate|remove', () => {
  let root: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-listeners-cli-'));
    env = { BRIEFCAST_DATA_DIR: join(root, 'data'), BRIEFCAST_PUBLISH_DIR: join(root, 'published'), BRIEFCAST_PUBLIC_URL: 'https://briefs.example.com' };
    const show = await loadShowFile(join(fixtures, 'show.json'));
    await new EpisodeStore(new LocalStorage({ root: join(root, 'data', 'store'), publicBaseUrl: 'file:///' })).saveShow(show);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('prints the feed URL once, lists without tokens, rotates and removes', async () => {
    const added = await runCli(['listeners', 'add', 'test-daily', '--name', 'Ana', '--topics', 'comet, ferry', '--minutes', '3'], env);
    expect(added.code, added.stderr).toBe(0);
    const feedUrl = added.stdout.trim();
    expect(feedUrl).toMatch(/^https:\/\/briefs\.example\.com\/l\/[A-Za-z0-9_-]{43}\/feed\.xml$/);
    const id = /Listener (l-[a-f0-9]{16})/.exec(added.stderr)![1]!;
    const listed = await runCli(['listeners', 'list', 'test-daily'], env);
    expect(listed.stdout).toContain(`${id}\tAna\t3 min\tUTC\tcomet, ferry`);
    expect(listed.stdout).not.toContain(feedUrl.split('/')[4]);
    const rotated = await runCli(['listeners', 'rotate', 'test-daily', id], env);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout.trim()).not.toBe(feedUrl);
    expect((await runCli(['listeners', 'remove', 'test-daily', id], env)).code).toBe(0);
    expect((await runCli(['listeners', 'list', 'test-daily'], env)).stdout).toBe('');
    const missing = await runCli(['listeners', 'remove', 'test-daily', id], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^briefcast: .*no such listener/);
    const bad = await runCli(['listeners', 'add', 'test-daily', '--minutes', 'lots'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  }, 120_000);
});
