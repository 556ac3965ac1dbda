import { describe, expect, it } from 'vitest';
import { createWriters } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { isBriefcastError } from '../../src/core/errors.js';

describe('script writer registry', () => {
  it('offers only the offline writer when no LLM is configured, with a hint for "llm"', () => {
    const writers = createWriters(loadConfig({}));
    expect(writers.names()).toEqual(['extractive']);
    expect(writers.create('extractive').name).toBe('extractive');
    try {
      writers.create('llm');
      expect.unreachable();
    } catch (error) {
      expect(isBriefcastError(error, 'CONFIG_INVALID')).toBe(true);
      expect((error as Error).message).toContain('BRIEFCAST_LLM_MODEL');
    }
  });

  it('registers the LLM writer when a model is named, reading the OpenAI variables as fallbacks', () => {
    const config = loadConfig({ BRIEFCAST_LLM_MODEL: 'llama3', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(config.llm).toEqual({ model: 'llama3', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'not-needed', timeoutMs: 60_000 });
    const writers = createWriters(config);
    expect(writers.names()).toEqual(['extractive', 'llm']);
    expect(writers.create('llm', { tone: 'calm' }).name).toContain('llm');
  });
});
