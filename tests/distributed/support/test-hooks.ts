import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { App } from '../../../src/app.js';
import { BriefcastError, ErrorCodes } from '../../../src/core/errors.js';
import type { SpeechProvider } from '../../../src/tts/speech-provider.js';

/**
 * Test-only behaviour, switched on by BRIEFCAST_TEST_HOOK (JSON) in a worker
 * process: TTS providers that run the real eSpeak NG provider after an
 * optional sleep or a number of planned failures, and an optional
 * sleep before ffmpeg stitches. Tests use it to kill a worker mid-synthesis or
 * mid-stitch, and to make a provider fail transiently or for good.
 */
const providerHookSchema = z
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
  })
  .strict();

export const testHookSchema = z
  .object({
    /** TTS providers to register by name, each wrapping eSpeak NG with its own behaviour. */
    providers: z.record(z.string().regex(/^[a-z0-9-]+$/), providerHookSchema).default({}),
    /** Sleep after ffmpeg joins the pieces, before the episode audio is uploaded. */
    stitchDelayMs: z.number().int().min(0).default(0),
  })
  .strict();

export type TestHook = z.infer<typeof testHookSchema>;
type ProviderHook = z.infer<typeof providerHookSchema>;

function plannedFailure(name: string, hook: ProviderHook): BriefcastError {
  if (hook.failWith === 'auth') return new BriefcastError(ErrorCodes.TTS_AUTH, `${name} 401: invalid API key`, { subject: name, retryable: false });
  if (hook.failWith === 'rate-limit') {
    return new BriefcastError(ErrorCodes.TTS_RATE_LIMITED, `${name} 429: slow down`, { subject: name, retryable: true, retryAfterSeconds: hook.retryAfterSeconds });
  }
  return new BriefcastError(ErrorCodes.TTS_FAILED, `${name} 503: try again`, { subject: name, retryable: true });
}

function hookProvider(name: string, inner: SpeechProvider, hook: ProviderHook, log: App['logger']): SpeechProvider {
  const calls = new Map<string, number>();
  return {
    name,
    engineId: `${inner.engineId}+${name}`,
    limits: inner.limits,
    ...(inner.defaultModel ? { defaultModel: inner.defaultModel } : {}),
    ...(inner.limitsFor ? { limitsFor: (model: string | undefined) => inner.limitsFor!(model) } : {}),
    listVoices: () => inner.listVoices(),
    async synthesize(request) {
      const seen = (calls.get(request.text) ?? 0) + 1;
      calls.set(request.text, seen);
      // Tests wait for these lines to know a kill lands inside the step.
      log.warn({ provider: name, call: seen }, 'test hook: synthesis request started');
      if (hook.delayMs > 0) await sleep(hook.delayMs);
      if (hook.failAlways || seen <= hook.failFirst) throw plannedFailure(name, hook);
      return inner.synthesize(request);
    },
  };
}

export function installTestHooks(app: App, raw: string): TestHook {
  const hook = testHookSchema.parse(JSON.parse(raw));
  const { providers } = app.ctx;
  for (const [name, behaviour] of Object.entries(hook.providers)) {
    providers.register(name, async () => hookProvider(name, await providers.get('espeak'), behaviour, app.logger));
  }
  if (hook.stitchDelayMs > 0) {
    const publish = app.ctx.publish;
    const putFile = publish.putFile.bind(publish);
    // After the real join, before the audio upload: a kill here loses a finished file that was never published.
    let delayed = false;
    publish.putFile = async (...args: Parameters<typeof putFile>) => {
      if (args[2]?.contentType === 'audio/mpeg' && !delayed) {
        delayed = true;
        app.logger.warn('test hook: pieces joined, upload pending');
        await sleep(hook.stitchDelayMs);
      }
      return putFile(...args);
    };
  }
  app.logger.warn({ hook }, 'test hooks installed');
  return hook;
}
