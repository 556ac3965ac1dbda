/** The script stage's sentence splitter: the shared, per-language one (src/language/split-sentences.ts). */
export { splitSentences } from '../language/split-sentences.js';
