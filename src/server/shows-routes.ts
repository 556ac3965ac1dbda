import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTO_PROVIDER } from '../tts/auto-voice.js';
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
  if (show.artwork !== undefined && !/^https?:\/\//i.test(show.artwork)) {
    throw new BriefcastError(ErrorCodes.CONFIG_INVALID, 'must be an http(s) URL over the API', { subject: 'artwork' });
  }
  // Music is mixed from a local file, and a URL is never fetched at mix time: over HTTP it cannot be set at all.
  for (const field of ['intro', 'outro'] as const) {
    if (show.music?.[field] !== undefined) {
      throw new BriefcastError(ErrorCodes.CONFIG_INVALID, 'music files are set in the show file with the CLI, not over the API', { subject: `music.${field}` });
    }
  }
}

/** Names that only mean something once registered: refused now, not after the first synthesis. */
function assertRegistered(show: ShowConfig, services: ApiServices): void {
  const { providers, writers } = services.ctx;
  const voices = [
    ['voice.provider', show.voice.provider],
    ...Object.entries(show.voices ?? {}).flatMap(([role, value]) =>
      (Array.isArray(value) ? value : value ? [value] : []).map((voice, index) => [`voices.${role}${Array.isArray(value) ? `.${index}` : ''}.provider`, voice.provider]),
    ),
  ] as Array<[string, string]>;
  for (const [field, name] of voices) {
    if (name !== AUTO_PROVIDER && !providers.has(name)) throw new BriefcastError(ErrorCodes.PROVIDER_UNKNOWN, `unknown TTS provider "${name}"; known: ${[AUTO_PROVIDER, ...providers.names()].join(', ')}`, { subject: field });
  }
  const writer = show.script?.writer;
  if (writer !== undefined && !writers.names().includes(writer)) {
    throw new BriefcastError(ErrorCodes.CONFIG_INVALID, `unknown script writer "${writer}"; known: ${writers.names().join(', ')}`, { subject: 'script.writer' });
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
    assertRegistered(show, services);
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
