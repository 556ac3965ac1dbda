import type OpenAI from 'openai';
import { ChatModelError, type ChatModel } from '../chat-model.js';

export interface OpenAiChatConfig {
  /** API root, e.g. "https://api.openai.com/v1" or a local OpenAI-compatible server. */
  baseURL?: string;
  apiKey: string;
  model: string;
  /** Per request, in milliseconds (default 60 000). */
  timeoutMs?: number;
}

function reasonOf(sdk: typeof OpenAI, error: unknown): string | null {
  if (error instanceof sdk.APIConnectionTimeoutError) return 'timeout';
  if (error instanceof sdk.APIError && error.status !== undefined) return `HTTP ${error.status}`;
  if (error instanceof sdk.APIConnectionError) return 'connection failed';
  return null;
}

/** The chat-completions API (OpenAI or a compatible server) behind the writer's ChatModel port. */
export function createOpenAiChat(config: OpenAiChatConfig): ChatModel {
  // The SDK is loaded on the first request, so a process that never calls the model does not pay for loading it.
  let connected: Promise<{ sdk: typeof OpenAI; client: OpenAI }> | undefined;
  const connect = () =>
    (connected ??= import('openai').then(({ default: sdk }) => ({
      sdk,
      client: new sdk({
        apiKey: config.apiKey,
        ...(config.baseURL ? { baseURL: config.baseURL } : {}),
        timeout: config.timeoutMs ?? 60_000,
        // The writer decides about retries (and falls back); the SDK must not retry behind its back.
        maxRetries: 0,
      }),
    })));
  return {
    model: config.model,
    async complete(request) {
      const { sdk, client } = await connect();
      try {
        const completion = await client.chat.completions.create({
          model: config.model,
          messages: request.messages,
          response_format: { type: 'json_schema', json_schema: { name: request.responseSchema.name, strict: true, schema: request.responseSchema.schema } },
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        });
        return completion.choices[0]?.message?.content ?? null;
      } catch (error) {
        const reason = reasonOf(sdk, error);
        throw reason ? new ChatModelError(reason, { cause: error }) : error;
      }
    },
  };
}
