import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { silentLogger } from '../../src/core/logger.js';
import { ProviderRegistry } from '../../src/tts/provider-registry.js';
import { createEspeakProvider } from '../../src/tts/providers/espeak.js';
import type { SpeechProvider } from '../../src/tts/speech-provider.js';

export interface TestApp extends App {
  root: string;
  publishDir: string;
  /** Texts the real eSpeak NG engine was asked to speak, in call order. */
  synthesised: string[];
  dispose(): Promise<void>;
}

/** A real app (real eSpeak NG, real ffmpeg, local folders) in a temporary folder, counting synthesis calls. */
export async function createTestApp(options: { now?: Date } = {}): Promise<TestApp> {
  const root = await mkdtemp(join(tmpdir(), 'briefcast-test-'));
  const synthesised: string[] = [];
  const providers = new ProviderRegistry().register('espeak', async () => {
    const real = await createEspeakProvider({ engine: 'auto', threads: 2 });
    const counting: SpeechProvider = {
      name: real.name,
      engineId: real.engineId,
      limits: real.limits,
      listVoices: () => real.listVoices(),
      synthesize: (request) => {
        synthesised.push(request.text);
        return real.synthesize(request);
      },
      close: () => real.close?.() ?? Promise.resolve(),
    };
    return counting;
  });
  const publishDir = join(root, 'published');
  const config = loadConfig({ BRIEFCAST_DATA_DIR: join(root, 'data'), BRIEFCAST_PUBLISH_DIR: publishDir, BRIEFCAST_PUBLIC_URL: 'http://127.0.0.1:8080' });
  const app = createApp(config, { logger: silentLogger(), providers, now: options.now ? () => options.now! : undefined });
  return {
    ...app,
    root,
    publishDir,
    synthesised,
    async dispose() {
      await app.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
