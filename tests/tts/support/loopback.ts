import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse, type ServerHttp2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';

/** A request as a vendor stand-in saw it, with its arrival time for the rate-limit assertions. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. "/v1/audio/speech". */
  url: string;
  headers: IncomingMessage['headers'] | Http2ServerRequest['headers'];
  body: Buffer;
  /** Milliseconds (performance.now) when the server had read the request. */
  at: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array | object;
}

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

export interface Loopback {
  /** e.g. "http://127.0.0.1:41234" */
  origin: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 that records every request and answers through `handler`.
 * `http2` serves cleartext HTTP/2 (prior knowledge), which is what the AWS SDK's Polly client speaks.
 */
export async function startLoopback(handler: Handler, options: { http2?: boolean } = {}): Promise<Loopback> {
  const requests: RecordedRequest[] = [];
  const onRequest = (req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse) => {
    const parts: Buffer[] = [];
    req.on('data', (chunk: Buffer) => parts.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(parts), at: performance.now() };
      requests.push(recorded);
      Promise.resolve()
        .then(() => handler(recorded))
        .catch((error: unknown) => ({ status: 500, body: { message: `stand-in failed: ${String(error)}` } }))
        .then((reply) => send(res, reply));
    });
  };
  const sessions = new Set<ServerHttp2Session>();
  const server = options.http2 ? createHttp2Server(onRequest) : createServer(onRequest);
  if (options.http2) {
    server.on('session', (session: ServerHttp2Session) => {
      sessions.add(session);
      session.on('close', () => sessions.delete(session));
    });
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        for (const session of sessions) session.destroy();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse | Http2ServerResponse, reply: Reply): void {
  const headers = { ...(reply.headers ?? {}) };
  let body: Buffer;
  if (reply.body instanceof Uint8Array) body = Buffer.from(reply.body);
  else if (typeof reply.body === 'string') body = Buffer.from(reply.body);
  else if (reply.body === undefined) body = Buffer.alloc(0);
  else {
    body = Buffer.from(JSON.stringify(reply.body));
    headers['content-type'] ??= 'application/json';
  }
  res.writeHead(reply.status, { ...headers, 'content-length': String(body.byteLength) });
  res.end(body);
}

/** Replies queued for the next requests that pass validation (e.g. a 429, then a 503), then the normal answer. */
export class FaultQueue {
  private readonly queue: Reply[] = [];
  private forever?: Reply;
  push(...replies: Reply[]): this {
    this.queue.push(...replies);
    return this;
  }
  /** Answers every request with this reply until cleared. */
  always(reply: Reply | undefined): this {
    this.forever = reply;
    return this;
  }
  next(): Reply | undefined {
    return this.queue.shift() ?? this.forever;
  }
}

/** JSON body of a recorded request. */
export function jsonOf(request: RecordedRequest): Record<string, unknown> {
  return JSON.parse(request.body.toString('utf8')) as Record<string, unknown>;
}
