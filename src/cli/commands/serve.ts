import type { Command } from 'commander';
import { loadConfig, type AppConfig } from '../../config/env.js';
import { keepOffThreadPoolWarm } from '../../offthread/pool.js';
import { reportError } from '../run-command.js';

export interface ServeOptions {
  port?: string;
  host?: string;
  staticOnly?: boolean;
}

function stopOnSignals(close: () => Promise<void>): void {
  const stop = () => {
    void close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// The server and the producer are loaded when a command starts them: fastify, BullMQ and their plugins
// take about half a second to load, which every other command (a `create`) would pay at start-up.

/** Serves only the published folder (the demo uses this); resolves once it listens. */
export async function startServer(publishDir: string, host: string, port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const { createServer } = await import('../../server/create-server.js');
  const server = await createServer({ publishDir });
  const address = await server.listen({ host, port });
  const close = () => server.close();
  stopOnSignals(close);
  return { url: address, close };
}

/** The producer API plus the published files; src/producer.ts chooses the mode. */
export async function startApiServer(config: AppConfig): Promise<{ url: string; close: () => Promise<void> }> {
  void keepOffThreadPoolWarm();
  const [{ createProducer }, { createServer }] = await Promise.all([import('../../producer.js'), import('../../server/create-server.js')]);
  const producer = await createProducer(config);
  const { services } = producer;
  const server = await createServer({
    publishDir: config.publishDir,
    api: services.api,
    servePublished: config.storage.kind === 'local',
    logger: config.logLevel !== 'silent' && config.logLevel !== 'warn',
  });
  const address = await server.listen({ host: config.host, port: config.port });
  const close = async () => {
    await server.close();
    await producer.close();
  };
  stopOnSignals(close);
  return { url: address, close };
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the producer API (docs at /docs, studio at /studio) and the published folder (feeds, audio with byte ranges)')
    .option('-p, --port <port>', 'port (default: BRIEFCAST_PORT or 8080)')
    .option('-H, --host <host>', 'address to listen on (default: BRIEFCAST_HOST or 127.0.0.1; 0.0.0.0 for your network)')
    .option('--static-only', 'serve only the published folder, no API')
    .action(async (options: ServeOptions) => {
      try {
        const config = loadConfig(undefined, {
          ...(options.port ? { port: Number(options.port) } : {}),
          ...(options.host ? { host: options.host } : {}),
        });
        const { url } = options.staticOnly ? await startServer(config.publishDir, config.host, config.port) : await startApiServer(config);
        const what = options.staticOnly ? `${config.publishDir}` : `the API (${url}/docs) and ${config.publishDir}`;
        process.stdout.write(`Serving ${what} at ${url} (public URL ${config.publicUrl}); Ctrl+C stops.\n`);
      } catch (error) {
        reportError(error);
      }
    });
}
