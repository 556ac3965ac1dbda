import type { Command } from 'commander';
import { loadConfig } from '../../config/env.js';
import { createServer } from '../../server/create-server.js';
import { reportError } from '../run-command.js';

export interface ServeOptions {
  port?: string;
  host?: string;
}

/** Starts the HTTP server and resolves once it listens; stops cleanly on SIGINT/SIGTERM. */
export async function startServer(publishDir: string, host: string, port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await createServer({ publishDir });
  const address = await server.listen({ host, port });
  const close = () => server.close();
  const stop = () => {
    void close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { url: address, close };
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the published folder over HTTP (feeds, audio with byte ranges)')
    .option('-p, --port <port>', 'port (default: BRIEFCAST_PORT or 8080)')
    .option('-H, --host <host>', 'address to listen on (default: BRIEFCAST_HOST or 127.0.0.1; 0.0.0.0 for your network)')
    .action(async (options: ServeOptions) => {
      try {
        const config = loadConfig(undefined, {
          ...(options.port ? { port: Number(options.port) } : {}),
          ...(options.host ? { host: options.host } : {}),
        });
        const { url } = await startServer(config.publishDir, config.host, config.port);
        process.stdout.write(`Serving ${config.publishDir} at ${url} (public URL ${config.publicUrl}); Ctrl+C stops.\n`);
      } catch (error) {
        reportError(error);
      }
    });
}
