import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ApiServices } from './api-services.js';
import { authPlugin } from './auth-plugin.js';
import { episodesRoutes } from './episodes-routes.js';
import { feedRoutes } from './feed-routes.js';
import { errorBody, HttpCodes, installErrorHandler, MAX_PATH_SEGMENT } from './http-errors.js';
import { installJsonBodyParser } from './json-body.js';
import { redactUrl } from '../core/redact.js';
import { listenerAdminRoutes } from './listener-admin-routes.js';
import { listenerRoutes } from './listener-routes.js';
import { registerOpenApi } from './openapi-plugin.js';
import { queueBoardPlugin } from './queue-board-plugin.js';
import { scriptRoutes } from './script-routes.js';
import { showsRoutes } from './shows-routes.js';
import { staticPlugin } from './static-plugin.js';
import { studioPage } from './studio-page.js';

export interface ServerOptions {
  publishDir: string;
  logger?: boolean;
  /** Where the request log goes when `logger` is on (default stdout); tests read it. */
  logStream?: NodeJS.WritableStream;
  /** The producer API; without it the server only serves /healthz and the published folder. */
  api?: ApiServices;
  /** Serve the published folder from disk (local storage); otherwise `/shows/...` redirects to the storage. @defaultValue true */
  servePublished?: boolean;
}

const DEFAULT_TIMEOUTS = { requestMs: 30_000, headersMs: 10_000, idleMs: 5_000 };

/** Request log lines never carry a credential: `?key=`, `token=` and `user:pass@` are redacted. */
function redactedRequest(request: FastifyRequest): Record<string, unknown> {
  return { method: request.method, url: redactUrl(request.url), host: request.hostname, remoteAddress: request.ip };
}

/** Router refusals (a bad percent-escape, an over-long path parameter) in the documented error shape. */
function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.code(414).send(errorBody(HttpCodes.URI_TOO_LONG, 'a path segment is too long'));
  } else if (error.code === 'FST_ERR_BAD_URL') {
    void reply.code(400).send(errorBody(HttpCodes.VALIDATION, 'the path has a malformed percent-escape'));
  } else {
    void reply.code(400).send(errorBody(HttpCodes.VALIDATION, error.message));
  }
}

/** The built-in HTTP server: published files, and the producer API as Fastify plugins when given its services. */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const timeouts = options.api?.config.api.timeouts ?? DEFAULT_TIMEOUTS;
  const app = Fastify({
    logger: options.logger ? { serializers: { req: redactedRequest }, ...(options.logStream ? { stream: options.logStream } : {}) } : false,
    ...(options.api ? { bodyLimit: options.api.config.api.bodyLimitBytes } : {}),
    // A slow-drip client cannot hold a connection: the whole request, its headers and an idle keep-alive are each bounded.
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.idleMs,
    connectionTimeout: timeouts.requestMs + timeouts.idleMs,
    // Node checks these timeouts on an interval (30 s by default), which alone would let a drip hold a socket that long.
    http: { connectionsCheckingInterval: Math.min(1000, timeouts.headersMs) },
    frameworkErrors: answerFrameworkError,
    maxParamLength: MAX_PATH_SEGMENT,
  }).withTypeProvider<ZodTypeProvider>();
  app.server.headersTimeout = Math.min(timeouts.headersMs, timeouts.requestMs);
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
  installJsonBodyParser(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await registerOpenApi(app, services.config.publicUrl);
  await app.register(authPlugin, { keys: services.keys });
  // Only routes that opt in (episode creation) are limited; the key generator reads the authenticated key.
  await app.register(rateLimit, {
    global: false,
    ...(services.rateLimit ? { redis: services.rateLimit.redis, nameSpace: services.rateLimit.nameSpace } : {}),
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
