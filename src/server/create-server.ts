import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ApiServices } from './api-services.js';
import { authPlugin } from './auth-plugin.js';
import { episodesRoutes } from './episodes-routes.js';
import { feedRoutes } from './feed-routes.js';
import { listenerAdminRoutes } from './listener-admin-routes.js';
import { listenerRoutes } from './listener-routes.js';
import { HttpCodes, installErrorHandler } from './http-errors.js';
import { registerOpenApi } from './openapi-plugin.js';
import { queueBoardPlugin } from './queue-board-plugin.js';
import { scriptRoutes } from './script-routes.js';
import { showsRoutes } from './shows-routes.js';
import { staticPlugin } from './static-plugin.js';
import { studioPage } from './studio-page.js';

export interface ServerOptions {
  publishDir: string;
  logger?: boolean;
  /** The producer API; without it the server only serves /healthz and the published folder. */
  api?: ApiServices;
  /** Serve the published folder from disk (local storage); otherwise `/shows/...` redirects to the storage. @defaultValue true */
  servePublished?: boolean;
}

/** The built-in HTTP server: published files, and the producer API as Fastify plugins when given its services. */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    ...(options.api ? { bodyLimit: options.api.config.api.bodyLimitBytes } : {}),
  }).withTypeProvider<ZodTypeProvider>();
  const servePublished = options.servePublished ?? true;
  // The API goes first: the OpenAPI plugin only documents routes added after it.
  if (options.api) await registerApi(app, options.api, !servePublished);
  app.get('/healthz', { schema: { summary: 'Liveness check', tags: ['health'] } }, async () => ({ ok: true }));
  if (servePublished) {
    const root = resolve(options.publishDir);
    await mkdir(root, { recursive: true });
    await app.register(staticPlugin, { root });
  }
  return app;
}

async function registerApi(app: FastifyInstance, services: ApiServices, redirectPublished: boolean): Promise<void> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await registerOpenApi(app, services.config.publicUrl);
  await app.register(authPlugin, { keys: services.keys });
  // Only routes that opt in (episode creation) are limited; the key generator reads the authenticated key.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: HttpCodes.RATE_LIMITED,
      message: `rate limit of ${context.max} per ${context.after} reached; retry in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });
  await app.register(showsRoutes, { services });
  await app.register(episodesRoutes, { services });
  await app.register(scriptRoutes, { services });
  await app.register(feedRoutes, { services, redirectPublished });
  await app.register(listenerAdminRoutes, { services });
  await app.register(listenerRoutes, { services });
  await app.register(studioPage);
  if (services.dashboardQueues?.length) await app.register(queueBoardPlugin, { queues: services.dashboardQueues, keys: services.keys });
}
