import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { cacheControlFor, contentTypeFor } from '../storage/content-type.js';
import { errorBody, HttpCodes, MAX_PATH_SEGMENT } from './http-errors.js';

export interface StaticPluginOptions {
  /** Folder of published files. */
  root: string;
}

/** RFC 9110 byte ranges: `bytes=` and one or more `first-last`, `first-` or `-suffix`. */
const RANGE_SPEC = /^(?:(\d+)-(\d*)|-(\d+))$/;

/** A Range header that does not parse is ignored (RFC 9110 14.2): the whole file is sent. */
export function isWellFormedRange(header: string): boolean {
  const match = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!match) return false;
  return match[1]!.split(',').every((part) => {
    const spec = RANGE_SPEC.exec(part.trim());
    if (!spec) return false;
    if (spec[1] !== undefined && spec[2]) return Number(spec[1]) <= Number(spec[2]);
    return true;
  });
}

/** The file a request names, inside root, or null when the path cannot be decoded. */
function requestedPath(root: string, request: FastifyRequest): string | null {
  const raw = request.url.split('?')[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  return resolve(root, `.${decoded}`);
}

/**
 * Serves the published folder the way podcast apps need: HEAD, byte ranges
 * (206 with Content-Range, 416 with `bytes *\/size`), exact MIME types and cache
 * headers per kind of file. Symbolic links are never followed, and every
 * refusal is a 404 that does not say whether the path exists.
 */
export const staticPlugin: FastifyPluginAsync<StaticPluginOptions> = async (app, options) => {
  // Compare against the real root: a root that is itself reached through a link stays servable.
  const root = await realpath(resolve(options.root));

  app.addHook('onRequest', async (request) => {
    const range = request.headers.range;
    if (range !== undefined && !isWellFormedRange(range)) delete request.headers.range;
  });
  app.addHook('preHandler', async (request, reply) => {
    if (request.url.split('?')[0]!.split('/').some((segment) => segment.length > MAX_PATH_SEGMENT)) {
      return reply.code(414).send(errorBody(HttpCodes.URI_TOO_LONG, 'a path segment is too long'));
    }
    const wanted = requestedPath(root, request);
    const real = wanted === null ? null : await realpath(wanted).catch(() => wanted);
    // realpath differs from the resolved path exactly when some component is a link (or the path left root).
    if (wanted === null || real !== wanted || !(wanted === root || wanted.startsWith(`${root}${sep}`))) {
      return reply.code(404).send(errorBody(HttpCodes.NOT_FOUND, 'not found'));
    }
    return undefined;
  });
  app.setErrorHandler((error: FastifyError & { status?: number; headers?: Record<string, string> }, request, reply) => {
    const status = error.statusCode ?? error.status ?? 500;
    if (status === 416) {
      const contentRange = error.headers?.['Content-Range'];
      if (contentRange) void reply.header('Content-Range', contentRange);
      return reply.code(416).send(errorBody(HttpCodes.RANGE_NOT_SATISFIABLE, 'the requested range is outside the file'));
    }
    if (status < 500) return reply.code(404).send(errorBody(HttpCodes.NOT_FOUND, 'not found'));
    request.log.error({ err: error }, 'static file failed');
    return reply.code(500).send(errorBody('INTERNAL', 'internal error'));
  });

  await app.register(fastifyStatic, {
    root,
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
