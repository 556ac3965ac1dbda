import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../api/support/api-harness.js';

/** Issue 12 (bounded server): a client that drips its headers or body cannot hold a connection open. */
describe('slow-drip clients', () => {
  let h: ApiHarness;
  let port: number;
  beforeAll(async () => {
    h = await createApiHarness({ BRIEFCAST_API_HEADERS_TIMEOUT_MS: '1000', BRIEFCAST_API_REQUEST_TIMEOUT_MS: '2000' });
    port = Number(new URL(await h.server.listen({ host: '127.0.0.1', port: 0 })).port);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  /** Sends `head` then one byte of `drip` every 200 ms; resolves with what the server answered when it closed the socket. */
  function drip(head: string, drip: string): Promise<{ answer: string; heldMs: number }> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      let timer: NodeJS.Timeout | undefined;
      socket.on('connect', () => {
        socket.write(head);
        let i = 0;
        timer = setInterval(() => {
          if (!socket.writable) return;
          socket.write(drip[i % drip.length]!);
          i += 1;
        }, 200);
      });
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ answer, heldMs: Date.now() - started });
      });
      setTimeout(() => reject(new Error('the server never closed the drip connection')), 60_000).unref();
    });
  }

  it('closes a connection whose headers never finish', async () => {
    const { answer, heldMs } = await drip('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    console.log(`header drip held ${heldMs} ms`);
    expect(answer).toMatch(/^HTTP\/1\.1 408|^$/);
    // Coarse: only an unbounded hold (the 30 s default check interval, or none) breaks it.
    expect(heldMs).toBeLessThan(15_000);
  });

  it('closes a connection whose body never finishes', async () => {
    const head = 'POST /api/shows HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"id":"';
    const { heldMs } = await drip(head, 'a');
    console.log(`body drip held ${heldMs} ms`);
    expect(heldMs).toBeLessThan(15_000);
  });
});
