import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildListenerEpisodes } from '../listeners/build-listener-episodes.js';
import { listenerInputSchema, publicListener } from '../listeners/listener.js';
import { ListenerStore } from '../listeners/listener-store.js';
import { listenerUrls } from '../listeners/listener-urls.js';
import { materialiser } from '../listeners/materialise.js';
import { EpisodeStore } from '../pipeline/episode-store.js';
import type { ApiServices } from './api-services.js';
import { episodeParamsSchema, errorResponseSchema, showParamsSchema } from './api-schemas.js';

/**
 * Producers manage a show's listeners with the same (show-scoped) API keys as
 * everything else. The token is shown once, on creation and rotation.
 */
const listenerParams = showParamsSchema.extend({ listenerId: z.string().regex(/^l-[a-f0-9]{16}$/, 'not a listener id') });
const listenerView = z.record(z.string(), z.unknown());
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

export const listenerAdminRoutes: FastifyPluginAsyncZod<{ services: ApiServices }> = async (app, { services }) => {
  const { ctx, config } = services;
  const store = new ListenerStore(ctx.work, ctx.now);
  const shows = new EpisodeStore(ctx.work);
  const withToken = (listener: Parameters<typeof publicListener>[0], token: string) => ({
    listener: publicListener(listener),
    token,
    feedUrl: listenerUrls(config.publicUrl, token).feed,
  });
  const secured = { tags: ['listeners'], security: [{ bearer: [] }] };

  app.post('/api/shows/:showId/listeners', {
    config: { auth: 'key' },
    schema: { ...secured, summary: 'Add a listener (the private feed URL is returned once)', params: showParamsSchema, body: listenerInputSchema, response: { 201: z.object({ listener: listenerView, token: z.string(), feedUrl: z.string() }), ...errors } },
  }, async (request, reply) => {
    await shows.getShow(request.params.showId);
    const { listener, token } = await store.add(request.params.showId, request.body);
    return reply.code(201).send(withToken(listener, token));
  });

  app.get('/api/shows/:showId/listeners', {
    config: { auth: 'key' },
    schema: { ...secured, summary: "List a show's listeners", params: showParamsSchema, response: { 200: z.object({ listeners: z.array(listenerView) }), ...errors } },
  }, async (request) => ({ listeners: (await store.list(request.params.showId)).map(publicListener) }));

  app.patch('/api/shows/:showId/listeners/:listenerId', {
    config: { auth: 'key' },
    schema: { ...secured, summary: 'Change what a listener follows, their length, name or time zone', params: listenerParams, body: listenerInputSchema.partial(), response: { 200: z.object({ listener: listenerView }), ...errors } },
  }, async (request) => ({ listener: publicListener(await store.update(request.params.showId, request.params.listenerId, request.body)) }));

  app.post('/api/shows/:showId/listeners/:listenerId/rotate', {
    config: { auth: 'key' },
    schema: { ...secured, summary: 'New private feed URL; the old one answers 404', params: listenerParams, response: { 200: z.object({ listener: listenerView, token: z.string(), feedUrl: z.string() }), ...errors } },
  }, async (request) => {
    const { listener, token } = await store.rotate(request.params.showId, request.params.listenerId);
    return withToken(listener, token);
  });

  app.delete('/api/shows/:showId/listeners/:listenerId', {
    config: { auth: 'key' },
    schema: { ...secured, summary: 'Remove a listener, their token and their episode records', params: listenerParams, response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await store.remove(request.params.showId, request.params.listenerId);
    return reply.code(204).send(null);
  });

  app.post('/api/shows/:showId/episodes/:episodeId/listeners', {
    config: { auth: 'key' },
    schema: { ...secured, summary: "Build every listener's episode from this published show episode", params: episodeParamsSchema, response: { 200: z.object({ built: z.number(), skipped: z.number(), syntheses: z.number() }), ...errors } },
  }, async (request) => {
    const show = await shows.getShow(request.params.showId);
    const listeners = await store.list(show.id);
    return buildListenerEpisodes(ctx, show, request.params.episodeId, listeners, {
      keep: config.listeners.feedItems,
      ...(config.listeners.materialise ? { materialise: materialiser(ctx, show) } : {}),
    });
  });
};
