/** Public surface of the script stage. */
export type { ScriptWriter, WriteScriptInput } from './writer.js';
export { createExtractiveWriter, writeExtractiveScript, type ExtractiveWriterOptions } from './extractive-writer.js';
export { createLlmWriter, type LlmWriterConfig } from './llm-writer.js';
export { ChatModelError, type ChatModel, type ChatRequest } from './chat-model.js';
export type { LlmHost, LlmStyle } from './llm-prompt.js';
export { checkGrounding, repairGrounding, type GroundingIssue } from './grounding.js';
export { buildStories, type Story, type StoryOptions } from './stories.js';
export { extractStorySentences, type ExtractOptions } from './story-extract.js';
export { toSpoken, type SpokenOptions } from './spoken.js';
export { renderScriptText, parseScriptText } from './script-text.js';
export { scriptDocumentSchema, parseScriptDocument, parseScriptJson } from './script-schema.js';
