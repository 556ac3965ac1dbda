import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ShowConfig } from '../config/show-config.js';
import { BriefcastError, ErrorCodes, isBriefcastError } from '../core/errors.js';
import { EpisodeStore } from '../pipeline/episode-store.js';
import { rebuildFeed } from '../pipeline/publish-episode.js';
import { publicKeys, workKeys } from '../storage/keys.js';
import type { ApiServices } from './api-services.js';
import { errorResponseSchema, showBodySchema, showListResponseSchema, showParamsSchema, showResponseSchema } from './api-schemas.js';
import { assertShowAccess } from './auth-plugin.js';
import { HttpCodes, HttpError } from './http-errors.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** Files on the server are the CLI's business: over HTTP, artwork and music must be URLs, or a request could publish any local file. */
function assertNoLocalPaths(show: ShowConfig): void {
  const paths = { artwork: show.artwork, 'music.intro': show.music?.intro, 'music.outro': show.music?.outro };
  for (const [field, value] of Object.entries(paths)) {
    if (value !== undefined && !/^https?:\/\//i.test(value)) {
      throw new BriefcastError(ErrorCodes.CONFIG_INVALID, 'must be an http(s) URL over the API', { subject: field });
    }
  }
}

/** Shows CRUD: the same fields and schema as the show file. */
export const showsRoutes: FastifyPluginAsyncZod<{ services: ApiServices }> = async (app, { services }) => {
  const { ctx, scheduler } = services;
  const store = new EpisodeStore(ctx.work);

  const view = async (show: ShowConfig) => {
    const { webhooks, ...rest } = show;
    const next = await scheduler?.nextRun(show.id);
    return {
      show: { ...rest, ...(webhooks ? { webhooks: { endpoints: webhooks.endpoints } } : {}) },
      feedUrl: ctx.publish.publicUrl(publicKeys.feed(show.id)),
      ...(next ? { nextBriefingAt: next.toISOString() } : {}),
    };
  };
  const findShow = (showId: string) => store.getShow(showId).catch((error: unknown) => (isBriefcastError(error, ErrorCodes.SHOW_NOT_FOUND) ? null : Promise.reject(error)));
  const save = async (show: ShowConfig) => {
    assertNoLocalPaths(show);
    await store.saveShow(show);
    await scheduler?.sync(show);
    // The feed exists from the start, so its URL can be submitted to directories before the first episode.
    await rebuildFeed(ctx, show);
  };

  app.get('/api/shows', { config: { auth: 'key' }, schema: { tags: ['shows'], summary: 'List shows', security: [{ bearer: [] }], response: { 200: showListResponseSchema, 401: errorResponseSchema } } }, async (request) => {
    const keys = await ctx.work.list(workKeys.showsPrefix);
    const ids = keys.map(workKeys.showIdOf).filter((id): id is string => Boolean(id));
    const visible = ids.filter((id) => !request.principal?.showId || request.principal.showId === id);
    const shows = (await Promise.all(visible.map(findShow))).filter((show): show is ShowConfig => show !== null);
    return { shows: await Promise.all(shows.map(view)) };
  });

  app.post('/api/shows', { config: { auth: 'key' }, schema: { tags: ['shows'], summary: 'Create a show', security: [{ bearer: [] }], body: showBodySchema, response: { 201: showResponseSchema, ...errors } } }, async (request, reply) => {
    const show = request.body;
    assertShowAccess(request, show.id);
    if (await ctx.work.head(workKeys.show(show.id))) throw new HttpError(HttpCodes.SHOW_EXISTS, `show "${show.id}" exists; PUT /api/shows/${show.id} changes it`);
    await save(show);
    return reply.code(201).send(await view(show));
  });

  app.get('/api/shows/:showId', { config: { auth: 'key' }, schema: { tags: ['shows'], summary: 'Read a show', security: [{ bearer: [] }], params: showParamsSchema, response: { 200: showResponseSchema, ...errors } } }, async (request) => {
    return view(await store.getShow(request.params.showId));
  });

  app.put('/api/shows/:showId', { config: { auth: 'key' }, schema: { tags: ['shows'], summary: 'Replace a show (creates it when missing)', security: [{ bearer: [] }], params: showParamsSchema, body: showBodySchema, response: { 200: showResponseSchema, ...errors } } }, async (request) => {
    const show = request.body;
    if (show.id !== request.params.showId) throw new BriefcastError(ErrorCodes.CONFIG_INVALID, `body id "${show.id}" differs from the path`, { subject: 'id' });
    await save(show);
    return view(show);
  });

  app.delete('/api/shows/:showId', { config: { auth: 'key' }, schema: { tags: ['shows'], summary: 'Delete a show (its schedule stops; published episodes and the feed stay)', security: [{ bearer: [] }], params: showParamsSchema, response: { 204: z.null().describe('Deleted'), ...errors } } }, async (request, reply) => {
    await store.getShow(request.params.showId);
    await scheduler?.remove(request.params.showId);
    await ctx.work.delete(workKeys.show(request.params.showId));
    return reply.code(204).send(null);
  });
};
