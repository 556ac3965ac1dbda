import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { cacheControlFor, contentTypeFor } from '../storage/content-type.js';

export interface StaticPluginOptions {
  /** Folder of published files. */
  root: string;
}

/**
 * Serves the published folder the way podcast apps need: HEAD, byte ranges
 * (206 with Content-Range), exact MIME types and cache headers per kind of file.
 */
export const staticPlugin: FastifyPluginAsync<StaticPluginOptions> = async (app, options) => {
  await app.register(fastifyStatic, {
    root: options.root,
    prefix: '/',
    acceptRanges: true,
    dotfiles: 'deny',
    index: false,
    list: false,
    setHeaders(reply, path) {
      reply.header('Content-Type', contentTypeFor(path));
      reply.header('Cache-Control', cacheControlFor(path));
      reply.header('Access-Control-Allow-Origin', '*');
    },
  });
};
