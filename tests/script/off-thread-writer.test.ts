import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { isBriefcastError } from '../../src/core/errors.js';
import { checkScript } from '../../src/ear-check/index.js';
import { closeOffThreadPool } from '../../src/offthread/pool.js';
import { earCheckWarnings } from '../../src/pipeline/ear-check-warnings.js';
import { writeExtractiveScript } from '../../src/script/extractive-writer.js';
import { createOffThreadExtractiveWriter } from '../../src/script/off-thread-writer.js';
import { briefingInput } from './fixtures.js';

/** The writer and the ear check run in the worker pool, so an API process keeps serving while a script is written. */
describe('script writing off the main thread', () => {
  afterAll(async () => {
    await closeOffThreadPool();
  });

  it('writes the same script as the writer in this thread, and its ear check finds the same', async () => {
    const input = briefingInput();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const script = await createOffThreadExtractiveWriter({ order: 'given' }).write(input);
    const warnings = await earCheckWarnings(script);
    loop.disable();
    expect(script).toEqual(writeExtractiveScript(input, { order: 'given' }));
    expect(warnings.map((warning) => warning.code)).toEqual(checkScript(script).findings.map((finding) => `ear-${finding.code}`));
    // Coarse: only writing on this thread (hundreds of ms cold) would come near it.
    expect(loop.max / 1e6).toBeLessThan(1000);
  });

  it('fails the script with INPUT_LIMIT naming the cap when writing runs past it', async () => {
    const error = await createOffThreadExtractiveWriter({}, 1)
      .write(briefingInput())
      .catch((failure: unknown) => failure);
    expect(isBriefcastError(error, 'INPUT_LIMIT')).toBe(true);
    expect((error as Error).message).toBe('writing the script took longer than 1 ms');
  });
});
