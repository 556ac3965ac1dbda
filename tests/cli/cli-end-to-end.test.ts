import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from 'podcast-partytime';
import { runCli, snapshotTree } from '../support/run-cli.js';

const examples = new URL('../../examples/', import.meta.url).pathname;

describe('briefcast CLI, end to end from examples/', () => {
  let root: string;
  let env: Record<string, string>;
  let published: Record<string, string>;
  let pageServer: Server;
  let pageBase: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-cli-'));
    env = { BRIEFCAST_DATA_DIR: join(root, 'data'), BRIEFCAST_PUBLISH_DIR: join(root, 'published'), BRIEFCAST_PUBLIC_URL: 'http://127.0.0.1:8080' };
    pageServer = createServer((request, response) => {
      if (request.url === '/empty') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<html><head><script>var x = 1;</script><style>p{}</style></head><body><nav>Home</nav></body></html>');
      } else {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    const address = pageServer.address();
    pageBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    pageServer?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('builds and publishes the demo episode', { timeout: 600_000 }, async () => {
    // A shorter target than the demo's 5 minutes keeps the suite quick; the benchmark builds the full length.
    const result = await runCli(['demo', '--no-serve', '--minutes', '1.5'], env, 580_000);
    expect(result.stderr).not.toMatch(/briefcast: /);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Episode \S+: published/);
    expect(result.stdout).toContain('feed:     http://127.0.0.1:8080/shows/briefcast-demo/feed.xml');
    // The demo show uses `auto`; on a machine set up by .ci/run that is Festival HTS, and the demo says so.
    expect(result.stdout).toMatch(/voice: {4}Festival HTS, US English female \(festival@[\d.]+\); spoke: festival "cmu_us_slt_arctic_hts"/);
    expect(result.stdout).not.toContain('apt-get install');
    const loudness = Number(/loudness: (-?[\d.]+) LUFS/.exec(result.stdout)![1]);
    expect(Math.abs(loudness + 16)).toBeLessThanOrEqual(1);
    published = await snapshotTree(env.BRIEFCAST_PUBLISH_DIR!);
    const feedFile = Object.keys(published).find((key) => key.endsWith('feed.xml'))!;
    const { readFile } = await import('node:fs/promises');
    const feed = parseFeed(await readFile(join(env.BRIEFCAST_PUBLISH_DIR!, feedFile), 'utf8'));
    expect(feed?.items).toHaveLength(1);
    // Piped output gets plain progress lines, one per stage start and end.
    expect(result.stderr).toMatch(/Synthesising speech: done \(\d+\/\d+\)/);
  });

  it('prints the script as editable text and lists voices and episodes', async () => {
    const show = join(examples, 'show.json');
    const list = await runCli(['episodes', '--show', show], env);
    expect(list.code).toBe(0);
    const episodeId = list.stdout.split('\t')[0]!;
    const script = await runCli(['script', episodeId, '--show', show], env);
    expect(script.code).toBe(0);
    expect(script.stdout).toMatch(/intro/i);
    const voices = await runCli(['voices', '--language', 'en'], env);
    expect(voices.code).toBe(0);
    expect(voices.stdout).toContain('en-us');
  });

  it('estimates cost before a run, counting the cache: the demo just built leaves nothing to synthesise', async () => {
    const show = join(examples, 'show.json');
    const cached = JSON.parse((await runCli(['cost', examples, '--show', show, '--minutes', '1.5', '--json'], env)).stdout);
    expect(cached.segments).toBeGreaterThan(5);
    expect(cached.cachedSegments).toBe(cached.segments);
    expect(cached.characters).toBe(0);
    const longer = JSON.parse((await runCli(['cost', examples, '--show', show, '--minutes', '3', '--json'], env)).stdout);
    expect(longer.characters).toBeGreaterThan(0);
    // The demo show uses `auto`: Festival HTS, which CI installs (.ci/run).
    expect(longer.providers[0].provider).toBe('festival');
  });

  describe('bad input: one line naming the input, non-zero exit, published folder untouched', () => {
    const cases: Array<{ name: string; setup: () => Promise<{ args: string[]; env?: Record<string, string>; subject: string }> }> = [
      { name: 'empty article', setup: async () => ({ args: [await file('empty.txt', '')], subject: 'empty.txt' }) },
      { name: 'whitespace-only article', setup: async () => ({ args: [await file('blank.md', '   \n\n\t  \n')], subject: 'blank.md' }) },
      { name: 'binary file', setup: async () => ({ args: [await file('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3, 0]))], subject: 'photo.txt' }) },
      {
        name: 'article over the size cap',
        setup: async () => ({ args: [await file('huge.txt', `Headline\n\n${'word '.repeat(5000)}`)], env: { BRIEFCAST_MAX_ARTICLE_BYTES: '4096' }, subject: 'huge.txt' }),
      },
      { name: 'invalid UTF-8', setup: async () => ({ args: [await file('latin.txt', Buffer.from('Caf\xe9 news\n\nThe caf\xe9 opened.', 'latin1'))], subject: 'latin.txt' }) },
      { name: 'HTML with no extractable text', setup: async () => ({ args: [await file('nav.html', '<html><body><script>alert(1)</script><nav><a href="/">Home</a></nav></body></html>')], subject: 'nav.html' }) },
      { name: 'page with no text over HTTP', setup: async () => ({ args: [`${pageBase}/empty`], env: { BRIEFCAST_ALLOW_PRIVATE_URLS: 'true' }, subject: `${pageBase}/empty` }) },
      { name: 'unreachable URL', setup: async () => ({ args: ['http://127.0.0.1:1/story'], env: { BRIEFCAST_ALLOW_PRIVATE_URLS: 'true' }, subject: 'http://127.0.0.1:1/story' }) },
      { name: 'refused loopback URL', setup: async () => ({ args: [`${pageBase}/empty`], subject: `${pageBase}/empty` }) },
      { name: 'missing file', setup: async () => ({ args: [join(root, 'nope.md')], subject: 'nope.md' }) },
    ];

    const file = async (name: string, content: string | Buffer) => {
      const path = join(root, name);
      await writeFile(path, content);
      return path;
    };

    for (const testCase of cases) {
      it(testCase.name, async () => {
        const { args, env: extra, subject } = await testCase.setup();
        const result = await runCli(['create', ...args, '--show', join(examples, 'show.json')], { ...env, ...extra });
        expect(result.code).not.toBe(0);
        const lines = result.stderr.trim().split('\n').filter((line) => line.startsWith('briefcast:'));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(subject);
        expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
        expect(await snapshotTree(env.BRIEFCAST_PUBLISH_DIR!)).toEqual(published);
      });
    }

    it('show configuration with a missing field and one of the wrong type', async () => {
      const missing = await file('show-missing.json', JSON.stringify({ id: 'x', title: 'X', description: 'd' }));
      const wrong = await file('show-wrong.json', JSON.stringify({ id: 'x', title: 'X', description: 'd', author: 'a', explicit: 'maybe' }));
      for (const [show, field] of [[missing, 'author'], [wrong, 'explicit']] as const) {
        const result = await runCli(['create', examples, '--show', show], env);
        expect(result.code).not.toBe(0);
        expect(result.stderr).toMatch(new RegExp(`briefcast: .*${field}`));
      }
      expect(await snapshotTree(env.BRIEFCAST_PUBLISH_DIR!)).toEqual(published);
    });

    it('unknown voice', async () => {
      const result = await runCli(['create', examples, '--show', join(examples, 'show.json'), '--voice', 'xx-nonexistent'], env);
      expect(result.code).not.toBe(0);
      // The demo show uses `auto`, where a bare voice name means nothing: refused before anything is built.
      expect(result.stderr).toMatch(/briefcast: xx-nonexistent: the show's voice is "auto"; --voice needs a show that names its provider/);
      expect(await snapshotTree(env.BRIEFCAST_PUBLISH_DIR!)).toEqual(published);
    });

    it('missing ffmpeg', async () => {
      const result = await runCli(['create', examples, '--show', join(examples, 'show.json')], { ...env, FFMPEG_PATH: join(root, 'no-ffmpeg') });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/briefcast: .*no-ffmpeg: FFMPEG_PATH does not point at a working ffmpeg/);
      expect(await snapshotTree(env.BRIEFCAST_PUBLISH_DIR!)).toEqual(published);
    });
  });
});
