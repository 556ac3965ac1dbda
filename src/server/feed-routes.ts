import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isBriefcastError } from '../core/errors.js';
import { publicKeys } from '../storage/keys.js';
import { HttpCodes, HttpError } from './http-errors.js';
import type { ApiServices } from './api-services.js';
import { errorResponseSchema, showParamsSchema } from './api-schemas.js';

/** The storage key of a published path, or null for anything that is not a plain relative key. */
function publishedKey(rawPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  try {
    return publicKeys.underShows(path);
  } catch (error) {
    if (isBriefcastError(error)) return null;
    throw error;
  }
}

/**
 * Stable public addresses for listeners. `/feeds/:showId` always answers,
 * whatever the storage; with object storage, `/shows/...` paths (the layout
 * of the published folder) redirect to the storage's public URL, so feed and
 * audio URLs built for the embedded server keep working after a move to S3.
 */
export const feedRoutes: FastifyPluginAsyncZod<{ services: ApiServices; redirectPublished: boolean }> = async (app, { services, redirectPublished }) => {
  const { ctx } = services;

  app.get(
    '/feeds/:showId',
    {
      schema: {
        tags: ['feeds'],
        summary: "Redirect to the show's podcast feed (public)",
        params: showParamsSchema,
        response: { 302: z.null().describe('Location: the feed'), 404: errorResponseSchema },
      },
    },
    async (request, reply) => reply.redirect(ctx.publish.publicUrl(publicKeys.feed(request.params.showId)), 302),
  );

  if (redirectPublished) {
    app.get(
      '/shows/*',
      { schema: { hide: true, params: z.object({ '*': z.string().min(1) }) } },
      async (request, reply) => {
        // Decoded and checked here: a traversal is simply not a published file (404), never a storage error.
        const key = publishedKey(request.params['*']);
        if (!key) throw new HttpError(HttpCodes.NOT_FOUND, 'not found');
        return reply.redirect(ctx.publish.publicUrl(key), 302);
      },
    );
  }
};
