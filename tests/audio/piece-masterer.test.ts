import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { podcastEncoding } from '../../src/audio/encode-settings.js';
import { FfmpegTools } from '../../src/audio/ffmpeg.js';
import { findFfmpeg } from '../../src/audio/ffmpeg-binaries.js';
import { combineLoudness } from '../../src/audio/loudness-blocks.js';
import { PieceMasterer } from '../../src/audio/piece-masterer.js';
import { measureWithEbur128 } from '../support/media.js';
import { run } from '../outputs/support/media-tools.js';

/** Batches of real ffmpeg work: pieces submitted together share processes, and a bad input fails alone. */
describe('piece masterer', () => {
  let root: string;
  const ffmpeg = new FfmpegTools(findFfmpeg({ pathDirs: process.env.PATH }));

  async function speechLike(name: string, seconds: number): Promise<string> {
    const path = join(root, `${name}.wav`);
    await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `anoisesrc=color=pink:amplitude=0.05:duration=${seconds}:seed=5`, '-af', 'tremolo=f=3:d=0.9', '-ac', '1', '-ar', '22050', path]);
    return path;
  }

  async function pieceDir(name: string): Promise<string> {
    const dir = join(root, name);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-masterer-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('masters pieces submitted together in one batch, each to the target, and fails only the piece whose input is broken', async () => {
    const compress = ffmpeg.compressPieces.bind(ffmpeg);
    const batchSizes: number[] = [];
    ffmpeg.compressPieces = (jobs, settings) => {
      batchSizes.push(jobs.length);
      return compress(jobs, settings);
    };
    const masterer = new PieceMasterer(ffmpeg, { slots: 1 });
    const broken = join(root, 'broken.wav');
    await writeFile(broken, Buffer.from('RIFF this is not audio at all'));
    const inputs = [await speechLike('one', 6), await speechLike('two', 4), broken];
    const dirs = [await pieceDir('one'), await pieceDir('two'), await pieceDir('bad')];
    const settled = await Promise.allSettled(inputs.map((input, index) => masterer.master({ inputs: [input], dir: dirs[index]!, settings: podcastEncoding })));
    const [first, second, bad] = settled as [(typeof settled)[number], (typeof settled)[number], (typeof settled)[number]];
    // All three in one batch first; after it failed, each piece alone.
    expect(batchSizes[0]).toBe(3);
    expect(batchSizes.slice(1)).toEqual([1, 1, 1]);
    expect(bad.status).toBe('rejected');
    for (const result of [first, second]) {
      expect(result.status).toBe('fulfilled');
      const piece = (result as PromiseFulfilledResult<Awaited<ReturnType<PieceMasterer['master']>>>).value;
      const measured = await measureWithEbur128(piece.podcast);
      expect(Math.abs(measured.integrated - -16)).toBeLessThanOrEqual(0.5);
      const derived = combineLoudness([piece.podcastAnalysis], 44_100, 1152).integratedLufs;
      expect(Math.abs(derived - measured.integrated)).toBeLessThanOrEqual(0.1);
      expect(piece.twinGainSteps).toBe(1);
      expect((await measureWithEbur128(piece.speaker)).truePeak).toBeLessThanOrEqual(-2);
    }
  });

  /** A masterer on its own ffmpeg tools, recording each compress batch's size. */
  function countingMasterer(options: ConstructorParameters<typeof PieceMasterer>[1]): { masterer: PieceMasterer; batchSizes: number[] } {
    const tools = new FfmpegTools(findFfmpeg({ pathDirs: process.env.PATH }));
    const compress = tools.compressPieces.bind(tools);
    const batchSizes: number[] = [];
    tools.compressPieces = (jobs, settings) => {
      batchSizes.push(jobs.length);
      return compress(jobs, settings);
    };
    return { masterer: new PieceMasterer(tools, options), batchSizes };
  }

  // The quiet and linger times are ten minutes here: a batch that waited for them would hang the test.
  const patient = { quietMs: 600_000, lingerMs: 600_000 };

  it('starts a batch as soon as the last announced piece has arrived, with every announced piece in it', async () => {
    const { masterer, batchSizes } = countingMasterer({ slots: 1, ...patient });
    const [a, b] = [masterer.announce(), masterer.announce()];
    const first = masterer.master({ inputs: [await speechLike('announced-a', 2)], dir: await pieceDir('announced-a'), settings: podcastEncoding }, a);
    const second = masterer.master({ inputs: [await speechLike('announced-b', 3)], dir: await pieceDir('announced-b'), settings: podcastEncoding }, b);
    await Promise.all([first, second]);
    expect(batchSizes).toEqual([2]);
  });

  it('does not hold waiting pieces for an announced piece whose synthesis failed', async () => {
    const { masterer, batchSizes } = countingMasterer({ slots: 1, ...patient });
    const [a, b] = [masterer.announce(), masterer.announce()];
    const first = masterer.master({ inputs: [await speechLike('cancel-a', 2)], dir: await pieceDir('cancel-a'), settings: podcastEncoding }, a);
    b.cancelled();
    b.cancelled();
    await first;
    expect(batchSizes).toEqual([1]);
  });

  it('gives a piece that is a slot\'s whole share a batch of its own, longest first', async () => {
    const { masterer, batchSizes } = countingMasterer({ slots: 2 });
    const short = await speechLike('share-short', 1);
    const long = await speechLike('share-long', 6);
    // Submitted short first: taking them in arrival order would put both in one batch on one core.
    await Promise.all([
      masterer.master({ inputs: [short], dir: await pieceDir('share-short'), settings: podcastEncoding }),
      masterer.master({ inputs: [long], dir: await pieceDir('share-long'), settings: podcastEncoding }),
    ]);
    expect(batchSizes).toEqual([1, 1]);
  });
});
