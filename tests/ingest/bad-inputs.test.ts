import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBriefcastError } from '../../src/core/errors.js';
import { ingestSources } from '../../src/ingest/index.js';

let dir: string;
const path = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefcast-ingest-'));
  await writeFile(path('empty.txt'), '');
  await writeFile(path('blank.md'), '  \n\t\n   \n');
  await writeFile(path('nul.txt'), Buffer.from('Headline\n\nText with a \u0000 NUL byte inside.'));
  await writeFile(path('image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x41, 0x42]));
  await writeFile(path('doc.html'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('<p>hi</p>')]));
  await writeFile(path('big.txt'), `Headline\n\n${'word '.repeat(100)}`);
  await writeFile(path('latin1.txt'), Buffer.from('Caf\xe9 news\n\nThe caf\xe9 reopened.', 'latin1'));
  await writeFile(path('story.pdf'), 'Headline\n\nActually text, but a .pdf name.');
  await writeFile(path('story.docx'), 'Headline\n\nText.');
  await writeFile(path('scripts-only.html'), '<html><body><script>var a = 1;</script><nav><a href="/">Home</a></nav></body></html>');
  await mkdir(path('empty-folder'));
  await writeFile(path('empty-folder/notes.json'), '{}');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(source: string, options = {}) {
  try {
    await ingestSources([source], options);
  } catch (error) {
    if (isBriefcastError(error)) return error;
    throw error;
  }
  throw new Error(`expected ${source} to be refused`);
}

describe('bad inputs throw BriefcastError with the input as subject', () => {
  it.each([
    ['empty.txt', 'INPUT_EMPTY'],
    ['blank.md', 'INPUT_EMPTY'],
    ['nul.txt', 'INPUT_BINARY'],
    ['image.txt', 'INPUT_BINARY'],
    ['doc.html', 'INPUT_BINARY'],
    ['latin1.txt', 'INPUT_ENCODING'],
    ['story.pdf', 'INPUT_UNSUPPORTED'],
    ['story.docx', 'INPUT_UNSUPPORTED'],
    ['missing.txt', 'INPUT_NOT_FOUND'],
    ['scripts-only.html', 'NO_EXTRACTABLE_TEXT'],
    ['empty-folder', 'INPUT_EMPTY'],
  ])('%s -> %s', async (name, code) => {
    const error = await failure(path(name));
    expect(error.code).toBe(code);
    expect(error.subject).toBe(path(name));
    expect(error.message.length).toBeGreaterThan(3);
    expect(error.retryable).toBe(false);
  });

  it('refuses a file over maxBytes with INPUT_TOO_LARGE', async () => {
    const error = await failure(path('big.txt'), { maxBytes: 100 });
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.subject).toBe(path('big.txt'));
  });

  it('reads the same file when the cap allows it', async () => {
    const [article] = await ingestSources([path('big.txt')], { maxBytes: 1000 });
    expect(article?.title).toBe('Headline');
  });

  it('names the file inside a folder that broke, not the folder', async () => {
    const folder = path('mixed');
    await mkdir(folder);
    await writeFile(join(folder, 'a.txt'), 'Good\n\nA good story.');
    await writeFile(join(folder, 'b.txt'), '');
    const error = await failure(folder);
    expect(error.code).toBe('INPUT_EMPTY');
    expect(error.subject).toBe(join(folder, 'b.txt'));
  });

  it.each([
    ['http://exa mple.com/a', 'URL_INVALID'],
    ['ftp://example.com/story.txt', 'URL_INVALID'],
    ['https://', 'URL_INVALID'],
  ])('malformed URL %s -> %s', async (url, code) => {
    const error = await failure(url);
    expect(error.code).toBe(code);
    expect(error.subject).toBe(url);
  });
});
