import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { ScriptWriter } from './writer.js';

/** Per-show writing options (from the show file's `script` block). */
export interface ShowScriptOptions {
  systemPrompt?: string;
  tone?: string;
  hosts?: Array<{ name: string; voice?: string }>;
}

export type WriterFactory = (options: ShowScriptOptions) => ScriptWriter;

/**
 * Script writers by name. A factory, not an instance, so each show's style
 * options (hosts, tone, system prompt) reach the writer that uses them.
 */
export class WriterRegistry {
  private readonly factories = new Map<string, WriterFactory>();

  register(name: string, factory: WriterFactory): this {
    if (this.factories.has(name)) throw new Error(`script writer "${name}" registered twice`);
    this.factories.set(name, factory);
    return this;
  }

  names(): string[] {
    return [...this.factories.keys()].sort();
  }

  create(name: string, options: ShowScriptOptions = {}): ScriptWriter {
    const factory = this.factories.get(name);
    if (!factory) {
      const hint = name === 'llm' ? ' (set BRIEFCAST_LLM_MODEL and an API key to enable it)' : '';
      throw new BriefcastError(ErrorCodes.CONFIG_INVALID, `unknown script writer${hint}; known: ${this.names().join(', ')}`, { subject: name });
    }
    return factory(options);
  }
}
