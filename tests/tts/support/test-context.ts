import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { podcastEncoding } from '../../../src/audio/encode-settings.js';
import { findFfmpeg } from '../../../src/audio/ffmpeg-binaries.js';
import { FfmpegTools } from '../../../src/audio/ffmpeg.js';
import { PieceMasterer } from '../../../src/audio/piece-masterer.js';
import { Semaphore } from '../../../src/core/semaphore.js';
import { createInProcessLock } from '../../../src/core/keyed-lock.js';
import { silentLogger } from '../../../src/core/logger.js';
import type { PipelineContext } from '../../../src/pipeline/context.js';
import { LocalStorage } from '../../../src/storage/local-storage.js';
import type { ProviderRegistry } from '../../../src/tts/provider-registry.js';
import type { RetryPolicy } from '../../../src/tts/retry-policy.js';
import { WriterRegistry } from '../../../src/script/writer-registry.js';

/** A real pipeline context (folder storage, real ffmpeg) around the given providers, in a temporary folder. */
export async function createTestContext(providers: ProviderRegistry): Promise<{ ctx: PipelineContext; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'briefcast-tts-'));
  const ffmpeg = new FfmpegTools(findFfmpeg({ pathDirs: process.env.PATH }));
  const ctx: PipelineContext = {
    work: new LocalStorage({ root: join(root, 'work'), publicBaseUrl: 'file://' + join(root, 'work') }),
    publish: new LocalStorage({ root: join(root, 'public'), publicBaseUrl: 'http://127.0.0.1/' }),
    providers,
    writers: new WriterRegistry(),
    ffmpeg,
    mastering: new PieceMasterer(ffmpeg, { slots: 1 }),
    encoding: podcastEncoding,
    scratchDir: join(root, 'tmp'),
    concurrency: 1,
    synthesisSlots: new Semaphore(1),
    logger: silentLogger(),
    lock: createInProcessLock(),
    now: () => new Date('2025-03-04T06:00:00Z'),
  };
  return { ctx, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** Fast retries whose waits are recorded instead of slept, so tests assert on the delays asked for. */
export function recordingRetryPolicy(maxRetries = 3): RetryPolicy & { delays: number[] } {
  const delays: number[] = [];
  return {
    maxRetries,
    baseDelayMs: 100,
    maxDelayMs: 2000,
    maxRetryAfterMs: 30_000,
    random: () => 0.5,
    delays,
    sleep: async (ms) => {
      delays.push(ms);
    },
  };
}
