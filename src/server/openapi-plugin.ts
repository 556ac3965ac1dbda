import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * The OpenAPI document is generated from the route schemas (registered before
 * any route, so swagger sees them all), served at /openapi.json, with a docs page at /docs.
 */
export async function registerOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Briefcast producer API',
        description: 'Shows, episodes, drafts and webhooks. Producer routes need `Authorization: Bearer <key>` (briefcast keys add).',
        version: '1.0.0',
      },
      servers: [{ url: publicUrl }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key from `briefcast keys add`' } } },
      tags: [
        { name: 'shows', description: 'Show configuration: the same fields as the show file' },
        { name: 'episodes', description: 'Create, read, list and unpublish episodes' },
        { name: 'drafts', description: 'Review, edit and approve scripts' },
        { name: 'webhooks', description: 'Delivery outcomes' },
        { name: 'feeds', description: 'Public feed addresses' },
        { name: 'listeners', description: 'Listeners with personal private feeds (docs/listeners.md)' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
