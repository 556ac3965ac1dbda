/** Russian: Cyrillic and Latin names are kept, other scripts and symbols dropped; "№" is "номер". */
import type { SpokenRules } from './spoken-rules.js';

export const russianRules: SpokenRules = {
  scripts: ['Cyrillic', 'Latin'],
  and: 'и',
  number: 'номер',
  steps: [(text) => text.replace(/№\s?(?=\d)/g, 'номер ')],
};
