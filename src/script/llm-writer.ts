/**
 * A grounded LLM writer for any chat model behind the ChatModel port (the
 * OpenAI-compatible adapter is src/script/llm/openai-chat.ts). The reply must match a JSON schema, pass validation and the
 * grounding check; otherwise the writer retries, and in the end falls back
 * to the extractive writer, saying why in the document's `writer` field.
 */
import { isBriefcastError } from '../core/errors.js';
import type { ScriptDocument } from '../core/types.js';
import { ChatModelError, type ChatModel } from './chat-model.js';
import { writeExtractiveScript, type ExtractiveWriterOptions } from './extractive-writer.js';
import { repairGrounding, type GroundingIssue } from './grounding.js';
import { resolveLocale } from './spoken-language.js';
import { replyToDocument } from './llm-document.js';
import { withShowFraming } from './llm-framing.js';
import { buildMessages, DEFAULT_SYSTEM_PROMPT, type LlmStyle } from './llm-prompt.js';
import { llmScriptJsonSchema, llmScriptSchema } from './llm-response.js';
import { describeIssues, parseScriptDocument } from './script-schema.js';
import { spokenLongDate } from './spoken-numbers.js';
import { buildStories } from './stories.js';
import type { ScriptWriter, WriteScriptInput } from './writer.js';

export interface LlmWriterConfig {
  /** The model the writer asks (an adapter from src/script/llm/). */
  chat: ChatModel;
  /** Replaces the default instructions; grounding and format rules are always appended. */
  systemPrompt?: string;
  style?: LlmStyle;
  temperature?: number;
  /** Further attempts after an invalid or failed reply (default 1). */
  retries?: number;
  /** Longer article texts are cut before being sent (default 6 000 characters). */
  maxArticleChars?: number;
  /** Largest share of sentences the grounding repair may drop before the script is replaced (default 0.25). */
  maxDroppedShare?: number;
  /** Options for the extractive fallback. */
  fallback?: ExtractiveWriterOptions;
  /** Told what happened on each attempt, for logs. */
  onAttempt?: (report: { attempt: number; outcome: string; issues?: GroundingIssue[] }) => void;
}

class Rejected extends Error {}

function reasonOf(error: unknown): string {
  if (error instanceof ChatModelError) return error.reason;
  if (error instanceof Rejected) return error.message;
  if (isBriefcastError(error, 'SCRIPT_INVALID')) return `invalid output: ${error.message.replace(/^invalid script: /, '')}`;
  return error instanceof Error ? error.message : String(error);
}

export function createLlmWriter(config: LlmWriterConfig): ScriptWriter {
  const { chat } = config;
  const hosts = config.style?.hosts ?? [];
  const label = `llm:${chat.model}`;

  async function attempt(input: WriteScriptInput): Promise<{ doc: ScriptDocument; issues: GroundingIssue[] }> {
    const articles = buildStories(input.articles, config.fallback).flatMap((s) => s.articles);
    const content = await chat.complete({
      messages: buildMessages(input, articles, config.systemPrompt ?? DEFAULT_SYSTEM_PROMPT, config.style ?? {}, config.maxArticleChars ?? 6000),
      responseSchema: { name: 'briefing_script', schema: llmScriptJsonSchema },
      ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
    });
    if (!content) throw new Rejected('invalid output: empty reply');
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch {
      throw new Rejected('invalid output: reply is not JSON');
    }
    const reply = llmScriptSchema.safeParse(json);
    if (!reply.success) throw new Rejected(`invalid output: ${describeIssues(reply.error)}`);
    const doc = replyToDocument(reply.data, input, articles, hosts, label);
    const allowed = [input.showTitle, spokenLongDate(input.date), ...hosts.map((h) => h.name)];
    const repaired = repairGrounding(doc, { articles, allowed, locale: resolveLocale(input.language, input.locale) });
    const maxDrop = config.maxDroppedShare ?? 0.25;
    if (repaired.emptied.some((id) => doc.segments.find((s) => s.id === id)?.kind === 'story') || repaired.droppedShare > maxDrop) {
      throw new Rejected(`ungrounded: ${repaired.issues[0]?.reason ?? 'too many unsupported sentences'}`);
    }
    // Framing is ours, not the model's (outside a dialogue): added after the grounding check, in the show's language.
    const framed = hosts.length >= 2 ? repaired.doc : withShowFraming(repaired.doc, input, articles);
    return { doc: parseScriptDocument(framed), issues: repaired.issues };
  }

  return {
    name: 'llm',
    async write(input) {
      const attempts = 1 + Math.max(0, config.retries ?? 1);
      let reason = 'no attempt made';
      for (let i = 1; i <= attempts; i++) {
        try {
          const { doc, issues } = await attempt(input);
          config.onAttempt?.({ attempt: i, outcome: issues.length ? `repaired (${issues.length} dropped)` : 'ok', issues });
          return doc;
        } catch (error) {
          reason = reasonOf(error);
          config.onAttempt?.({ attempt: i, outcome: reason });
          // An ungrounded script is not retried: the same sources invite the same invention.
          if (reason.startsWith('ungrounded')) break;
        }
      }
      return writeExtractiveScript(input, { ...config.fallback, label: `extractive (fallback: ${reason})` });
    },
  };
}
