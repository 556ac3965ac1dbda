import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { SpeechProvider } from './speech-provider.js';
import { defaultSynthesisServices, type SynthesisServices } from './synthesize-text.js';

export type ProviderFactory = () => SpeechProvider | Promise<SpeechProvider>;

/**
 * Providers are registered by name and built on first use, so a vendor's SDK
 * (or the GPL eSpeak NG build) is only loaded when a show asks for it.
 * The registry also carries the synthesis services (rate limiter, retry policy)
 * every caller of these providers must share: in distributed mode the queue
 * layer passes a Redis-backed limiter here.
 */
export class ProviderRegistry {
  private readonly factories = new Map<string, ProviderFactory>();
  private readonly instances = new Map<string, Promise<SpeechProvider>>();
  readonly synthesis: SynthesisServices;

  constructor(synthesis: Partial<SynthesisServices> = {}) {
    this.synthesis = defaultSynthesisServices(synthesis);
  }

  /** Adds per-provider requests-per-second limits (configuration wins over what providers declare). */
  setRateLimits(limits: Record<string, number>): this {
    Object.assign(this.synthesis.rateLimits, limits);
    return this;
  }

  register(name: string, factory: ProviderFactory): this {
    if (this.factories.has(name)) throw new Error(`TTS provider "${name}" registered twice`);
    this.factories.set(name, factory);
    return this;
  }

  names(): string[] {
    return [...this.factories.keys()].sort();
  }

  has(name: string): boolean {
    return this.factories.has(name);
  }

  get(name: string): Promise<SpeechProvider> {
    const factory = this.factories.get(name);
    if (!factory) {
      throw new BriefcastError(ErrorCodes.PROVIDER_UNKNOWN, `unknown TTS provider; known: ${this.names().join(', ')}`, {
        subject: name,
      });
    }
    let instance = this.instances.get(name);
    if (!instance) {
      instance = Promise.resolve().then(factory);
      // A failed start (e.g. a model not installed yet) is not remembered: the next call tries again.
      instance.catch(() => this.instances.delete(name));
      this.instances.set(name, instance);
    }
    return instance;
  }

  async closeAll(): Promise<void> {
    const all = await Promise.allSettled(this.instances.values());
    this.instances.clear();
    await Promise.all(all.map((entry) => (entry.status === 'fulfilled' ? entry.value.close?.() : undefined)));
  }
}
