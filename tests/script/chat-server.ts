/**
 * A loopback stand-in for a chat-completions API (POST /v1/chat/completions),
 * checking each request the way the real service would and answering from a
 * queue of scripted replies.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ScriptedReply = { content: string } | { status: number; message: string } | 'hang';

export interface ChatServer {
  baseURL: string;
  /** Bodies of the requests that passed validation. */
  requests: Array<Record<string, unknown>>;
  /** Problems found in requests (an empty list means every request was well-formed). */
  rejected: string[];
  close(): Promise<void>;
}

function problemsOf(req: IncomingMessage, body: unknown): string[] {
  const problems: string[] = [];
  if (req.method !== 'POST') problems.push(`method ${req.method}`);
  if (req.url !== '/v1/chat/completions') problems.push(`path ${req.url}`);
  if (req.headers.authorization !== 'Bearer test-key') problems.push('authorization header');
  if (!String(req.headers['content-type']).startsWith('application/json')) problems.push('content type');
  const b = body as Record<string, any> | undefined;
  if (!b || typeof b.model !== 'string') problems.push('model');
  if (!Array.isArray(b?.messages) || b.messages[0]?.role !== 'system' || b.messages[1]?.role !== 'user') problems.push('messages');
  const format = b?.response_format;
  if (format?.type !== 'json_schema' || format.json_schema?.strict !== true || format.json_schema?.schema?.type !== 'object') {
    problems.push('response_format');
  }
  return problems;
}

function completion(model: string, content: string): Record<string, unknown> {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_741_046_400,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  };
}

export async function startChatServer(replies: ScriptedReply[]): Promise<ChatServer> {
  const requests: Array<Record<string, unknown>> = [];
  const rejected: string[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse, raw: string): void => {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const problems = problemsOf(req, body);
    const send = (status: number, payload: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    };
    if (problems.length > 0) {
      rejected.push(...problems);
      send(400, { error: { message: `bad request: ${problems.join(', ')}`, type: 'invalid_request_error' } });
      return;
    }
    requests.push(body as Record<string, unknown>);
    const reply = replies.shift() ?? { status: 500, message: 'no scripted reply left' };
    if (reply === 'hang') return; // never answers: the client's timeout must end the wait
    if ('status' in reply) send(reply.status, { error: { message: reply.message, type: 'server_error' } });
    else send(200, completion(String((body as { model: string }).model), reply.content));
  };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    rejected,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
