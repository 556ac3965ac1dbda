import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBriefcastError } from '../../src/core/errors.js';
import { checkArtworkFile, checkShowArtwork } from '../../src/config/artwork-check.js';
import { makeArtwork } from './support/episode-fixture.js';

/** Artwork rules (square JPEG or PNG, 1400 to 3000 pixels) on images ffmpeg draws for the test. */
describe('artwork check', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'briefcast-artwork-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function refusal(path: string): Promise<{ code: string; subject?: string; message: string }> {
    const error = await checkArtworkFile(path).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(isBriefcastError(error)).toBe(true);
    return error as { code: string; subject?: string; message: string };
  }

  it('accepts square PNG and JPEG at both ends of the size range', async () => {
    expect(await checkArtworkFile(await makeArtwork(join(dir, 'min.png'), '1400x1400'))).toEqual({ width: 1400, height: 1400, type: 'png', mimeType: 'image/png' });
    expect(await checkArtworkFile(await makeArtwork(join(dir, 'max.jpg'), '3000x3000'))).toEqual({ width: 3000, height: 3000, type: 'jpg', mimeType: 'image/jpeg' });
  });

  it('refuses artwork that is not square', async () => {
    const path = await makeArtwork(join(dir, 'wide.png'), '1600x1400');
    const error = await refusal(path);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.subject).toBe(path);
    expect(error.message).toBe('artwork must be square; it is 1600x1400 pixels');
  });

  it('refuses artwork that is too small or too large', async () => {
    // Just outside each limit: ffmpeg's color source draws even sizes only.
    const small = await refusal(await makeArtwork(join(dir, 'small.png'), '1398x1398'));
    expect(small.code).toBe('CONFIG_INVALID');
    expect(small.message).toBe('artwork must be between 1400 and 3000 pixels a side; it is 1398x1398');
    const large = await refusal(await makeArtwork(join(dir, 'large.jpg'), '3002x3002'));
    expect(large.message).toBe('artwork must be between 1400 and 3000 pixels a side; it is 3002x3002');
  });

  it('refuses formats other than JPEG and PNG, and files that are not images', async () => {
    const gif = await refusal(await makeArtwork(join(dir, 'art.gif'), '1400x1400'));
    expect(gif.code).toBe('CONFIG_INVALID');
    expect(gif.message).toBe('artwork must be JPEG or PNG, not gif');
    const text = join(dir, 'notes.png');
    await writeFile(text, 'this is not a picture');
    expect((await refusal(text)).message).toMatch(/not an image file/);
    expect((await refusal(join(dir, 'missing.png'))).message).toBe('artwork file cannot be read');
  });

  it('checks a show\'s local artwork and leaves remote artwork to its host', async () => {
    const path = await makeArtwork(join(dir, 'show.png'), '1500x1400');
    await expect(checkShowArtwork({ artwork: path })).rejects.toMatchObject({ code: 'CONFIG_INVALID', subject: path });
    await expect(checkShowArtwork({ artwork: 'https://images.example.com/show.png' })).resolves.toBeUndefined();
    await expect(checkShowArtwork({})).resolves.toBeUndefined();
  });
});
