/**
 * The narrow port the LLM writer talks to, as TTS providers are for synthesis:
 * the writer builds the messages and judges the reply; an adapter in
 * src/script/llm/ speaks one vendor's API and is wired in src/app.ts.
 */
export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  /** The reply must be JSON matching this schema (structured output). */
  responseSchema: { name: string; schema: Record<string, unknown> };
  temperature?: number;
}

export interface ChatModel {
  /** The model name, for the script's `writer` label. */
  readonly model: string;
  /** The reply's text, or null when the model returned none. */
  complete(request: ChatRequest): Promise<string | null>;
}

/**
 * A failed request, with a short reason ("timeout", "HTTP 429", "connection
 * failed"). It never leaves the writer: the writer falls back to the
 * extractive script and names the reason in the document's `writer` field.
 */
export class ChatModelError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'ChatModelError';
  }
}
