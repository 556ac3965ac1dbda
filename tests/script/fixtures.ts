import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../src/core/types.js';
import type { WriteScriptInput } from '../../src/script/writer.js';

export function loadArticles(name = 'articles.json'): Article[] {
  const path = fileURLToPath(new URL(`../fixtures/script/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as Article[];
}

export function briefingInput(overrides: Partial<WriteScriptInput> = {}): WriteScriptInput {
  return {
    articles: loadArticles(),
    showTitle: 'Harbridge Morning',
    language: 'en',
    date: new Date('2025-03-04T00:00:00Z'),
    targetSeconds: 180,
    wordsPerMinute: 150,
    ...overrides,
  };
}

export function words(text: string): number {
  return text.trim() === '' ? 0 : text.trim().split(/\s+/).length;
}
