import Fastify, { type FastifyInstance } from 'fastify';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { staticPlugin } from './static-plugin.js';

export interface ServerOptions {
  publishDir: string;
  logger?: boolean;
}

/** The built-in HTTP server of the embedded mode: published files now, the API later, as Fastify plugins. */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  const root = resolve(options.publishDir);
  await mkdir(root, { recursive: true });
  app.get('/healthz', async () => ({ ok: true }));
  await app.register(staticPlugin, { root });
  return app;
}
