import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { App } from '../src/app.js';
import { BriefcastError, ErrorCodes } from '../src/core/errors.js';
import type { SpeechProvider } from '../src/tts/speech-provider.js';

/**
 * Test-only behaviour, switched on by BRIEFCAST_TEST_HOOK (JSON) in a worker
 * process: a "test-hook" TTS provider that runs the real eSpeak NG provider
 * after an optional sleep or a number of planned failures, and an optional
 * sleep before ffmpeg stitches. Tests use it to kill a worker mid-synthesis or
 * mid-stitch, and to make a provider fail transiently or for good.
 */
export const testHookSchema = z
  .object({
    /** Sleep before each synthesis request. */
    delayMs: z.number().int().min(0).default(0),
    /** Fail this many requests per distinct text (in this process) before letting them through. */
    failFirst: z.number().int().min(0).default(0),
    /** Fail every request. */
    failAlways: z.boolean().default(false),
    /** What the planned failures are: a transient one, a refusal, or a 429 with Retry-After. */
    failWith: z.enum(['transient', 'auth', 'rate-limit']).default('transient'),
    retryAfterSeconds: z.number().min(0).default(6),
    /** Sleep before ffmpeg joins the pieces. */
    stitchDelayMs: z.number().int().min(0).default(0),
  })
  .strict();

export type TestHook = z.infer<typeof testHookSchema>;

function plannedFailure(hook: TestHook): BriefcastError {
  if (hook.failWith === 'auth') return new BriefcastError(ErrorCodes.TTS_AUTH, 'test-hook 401: invalid API key', { subject: 'test-hook', retryable: false });
  if (hook.failWith === 'rate-limit') {
    return new BriefcastError(ErrorCodes.TTS_RATE_LIMITED, 'test-hook 429: slow down', { subject: 'test-hook', retryable: true, retryAfterSeconds: hook.retryAfterSeconds });
  }
  return new BriefcastError(ErrorCodes.TTS_FAILED, 'test-hook 503: try again', { subject: 'test-hook', retryable: true });
}

function hookProvider(inner: SpeechProvider, hook: TestHook): SpeechProvider {
  const calls = new Map<string, number>();
  return {
    name: 'test-hook',
    engineId: `${inner.engineId}+test-hook`,
    limits: inner.limits,
    ...(inner.defaultModel ? { defaultModel: inner.defaultModel } : {}),
    ...(inner.limitsFor ? { limitsFor: (model: string | undefined) => inner.limitsFor!(model) } : {}),
    listVoices: () => inner.listVoices(),
    async synthesize(request) {
      const seen = (calls.get(request.text) ?? 0) + 1;
      calls.set(request.text, seen);
      if (hook.delayMs > 0) await sleep(hook.delayMs);
      if (hook.failAlways || seen <= hook.failFirst) throw plannedFailure(hook);
      return inner.synthesize(request);
    },
  };
}

export function installTestHooks(app: App, raw: string): TestHook {
  const hook = testHookSchema.parse(JSON.parse(raw));
  const { providers } = app.ctx;
  providers.register('test-hook', async () => hookProvider(await providers.get('espeak'), hook));
  if (hook.stitchDelayMs > 0) {
    const ffmpeg = app.ctx.ffmpeg;
    const concatenate = ffmpeg.concatenate.bind(ffmpeg);
    ffmpeg.concatenate = async (...args: Parameters<typeof concatenate>) => {
      await sleep(hook.stitchDelayMs);
      return concatenate(...args);
    };
  }
  app.logger.warn({ hook }, 'test hooks installed');
  return hook;
}
