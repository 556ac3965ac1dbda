import { ProviderRegistry } from '../../../src/tts/provider-registry.js';
import { createEspeakProvider } from '../../../src/tts/providers/espeak.js';
import { createOpenAiProvider } from '../../../src/tts/providers/openai.js';
import { createPollyProvider } from '../../../src/tts/providers/polly.js';
import type { RetryPolicy } from '../../../src/tts/retry-policy.js';
import { sampleAudio } from './audio.js';
import { startFakeOpenAi, type FakeOpenAi } from './fake-openai.js';
import { startFakePolly, type FakePolly } from './fake-polly.js';

export const OPENAI_KEY = 'sk-test-briefcast';
export const POLLY_CREDENTIALS = { accessKeyId: 'AKIDBRIEFCASTTEST', secretAccessKey: 'briefcast-test-secret' };

export interface VendorStandIns {
  openai: FakeOpenAi;
  polly: FakePolly;
  close(): Promise<void>;
}

export async function startVendors(): Promise<VendorStandIns> {
  const audio = await sampleAudio();
  const openai = await startFakeOpenAi({ apiKey: OPENAI_KEY, voices: ['alloy', 'onyx', 'nova'], mp3: audio.mp3, wav: audio.wav });
  const polly = await startFakePolly({ ...POLLY_CREDENTIALS, region: 'us-east-1', voices: ['Joanna', 'Matthew'], mp3: audio.mp3 });
  return { openai, polly, close: async () => void (await Promise.all([openai.close(), polly.close()])) };
}

/** The real providers, pointed at the stand-ins, plus the real offline eSpeak NG. */
export function vendorRegistry(vendors: VendorStandIns, retry: RetryPolicy, openaiModel = 'tts-1'): ProviderRegistry {
  return new ProviderRegistry({ retry })
    .register('openai', () => createOpenAiProvider({ apiKey: OPENAI_KEY, baseUrl: `${vendors.openai.origin}/v1`, model: openaiModel }))
    .register('polly', () => createPollyProvider({ region: 'us-east-1', endpoint: vendors.polly.origin, credentials: POLLY_CREDENTIALS, engine: 'neural' }))
    .register('espeak', () => createEspeakProvider({ engine: 'auto', threads: 1 }));
}
