import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorCodes, isBriefcastError } from '../core/errors.js';
import { buildListenerFeed } from '../listeners/listener-feed.js';
import { listenerChapters, listenerTranscript } from '../listeners/listener-files.js';
import { ListenerStore } from '../listeners/listener-store.js';
import { hashToken, redactTokenPath } from '../listeners/listener-token.js';
import type { Listener } from '../listeners/listener.js';
import type { ListenerEpisode } from '../listeners/listener-episode.js';
import { parseByteRange } from '../listeners/byte-range.js';
import { PieceCache } from '../listeners/piece-cache.js';
import { settingsFromForm, settingsPage } from '../listeners/settings-page.js';
import { assembleEnclosure, buildEnclosureHeader } from '../listeners/virtual-enclosure.js';
import { EpisodeStore } from '../pipeline/episode-store.js';
import { readShowAssets } from '../pipeline/show-assets.js';
import type { ApiServices } from './api-services.js';

/**
 * A listener's private URLs (/l/<token>/...): feed, virtual enclosures with
 * byte ranges, transcript, chapters and the self-service settings page.
 * Unknown, revoked and malformed tokens all answer the same 404. Fastify's
 * request log is off for these routes; the one line we log has the token cut out.
 */
const FILE = /^(\d{4}-\d{2}-\d{2})\.(mp3|vtt|chapters\.json)$/;
const NOT_FOUND = { error: { code: 'NOT_FOUND', message: 'no such feed' } };

export const listenerRoutes: FastifyPluginAsyncZod<{ services: ApiServices }> = async (app, { services }) => {
  const { ctx, config } = services;
  // Token index entries and episode records are memoised for a few seconds; the listener record is read every time.
  const store = new ListenerStore(ctx.work, ctx.now, 10_000);
  const episodes = new EpisodeStore(ctx.work);
  const pieces = new PieceCache(ctx.work, config.listeners.pieceCacheBytes);
  const tokenParams = z.object({ token: z.string().max(200) });
  const routeConfig = {
    rateLimit: {
      max: config.listeners.requestsPerMinute,
      timeWindow: 60_000,
      keyGenerator: (request: FastifyRequest) => `listener:${hashToken(String((request.params as { token?: string }).token ?? ''))}`,
    },
  };
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.addHook('onResponse', async (request, reply) => {
    ctx.logger.info({ method: request.method, url: redactTokenPath(request.url), statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'listener request');
  });

  // Tags by ETag (the ETag covers the tag's bytes), so a seek does not rebuild it; a small bound.
  const headers = new Map<string, Buffer>();
  const headerFor = (episode: ListenerEpisode): Buffer => {
    let header = headers.get(episode.etag);
    if (!header) {
      header = buildEnclosureHeader(episode);
      if (headers.size >= 2_000) headers.delete(headers.keys().next().value!);
      headers.set(episode.etag, header);
    }
    return header;
  };

  async function listenerFor(token: string, reply: FastifyReply): Promise<Listener | null> {
    const listener = await store.byToken(token);
    if (!listener) void reply.code(404).header('cache-control', 'no-store').send(NOT_FOUND);
    return listener;
  }

  app.get('/l/:token/feed.xml', { logLevel: 'silent', config: routeConfig, schema: { hide: true, params: tokenParams } }, async (request, reply) => {
    const listener = await listenerFor(request.params.token, reply);
    if (!listener) return reply;
    const [show, latest, assets] = await Promise.all([
      episodes.getShow(listener.showId),
      store.latestEpisodes(listener.showId, listener.id, config.listeners.feedItems),
      readShowAssets(ctx, listener.showId),
    ]);
    const xml = buildListenerFeed(show, listener, latest, {
      publicUrl: config.publicUrl,
      token: request.params.token,
      items: config.listeners.feedItems,
      ...(assets.artworkUrl ? { artworkUrl: assets.artworkUrl } : {}),
      audioUrl: (episode) => (episode.materialisedKey ? ctx.publish.publicUrl(episode.materialisedKey) : undefined),
      now: ctx.now(),
    });
    return reply.header('content-type', 'application/rss+xml; charset=utf-8').header('cache-control', 'private, max-age=300').header('x-robots-tag', 'noindex').send(xml);
  });

  app.get('/l/:token/:file', { logLevel: 'silent', config: routeConfig, schema: { hide: true, params: tokenParams.extend({ file: z.string().max(40) }) } }, async (request, reply) => {
    const match = FILE.exec(request.params.file);
    const listener = await listenerFor(request.params.token, reply);
    if (!listener) return reply;
    const episode = match ? await store.findEpisode(listener.showId, listener.id, match[1]!) : null;
    if (!match || !episode) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'no such episode' } });
    if (match[2] === 'chapters.json') return reply.header('content-type', 'application/json+chapters').send(listenerChapters(episode, episode.album));
    if (match[2] === 'vtt') {
      const showEpisode = await episodes.getEpisode(listener.showId, episode.showEpisodeId);
      return reply.header('content-type', 'text/vtt; charset=utf-8').send(listenerTranscript(episode, showEpisode));
    }
    const lastModified = new Date(episode.createdAt).toUTCString();
    void reply
      .header('accept-ranges', 'bytes')
      .header('etag', episode.etag)
      .header('last-modified', lastModified)
      .header('cache-control', 'private, max-age=86400')
      .header('content-type', 'audio/mpeg');
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatch.split(',').map((tag) => tag.trim()).includes(episode.etag)) return reply.code(304).send();
    const ifRange = request.headers['if-range'];
    const rangeHeader = ifRange && ifRange !== episode.etag && ifRange !== lastModified ? undefined : request.headers.range;
    const range = parseByteRange(rangeHeader, episode.totalBytes);
    if (range === 'unsatisfiable') {
      return reply.code(416).header('content-range', `bytes */${episode.totalBytes}`).header('content-type', 'application/json').send({ error: { code: 'RANGE_NOT_SATISFIABLE', message: `the file has ${episode.totalBytes} bytes` } });
    }
    const start = range?.start ?? 0;
    const end = range?.end ?? episode.totalBytes - 1;
    if (range) void reply.code(206).header('content-range', `bytes ${start}-${end}/${episode.totalBytes}`);
    void reply.header('content-length', String(end - start + 1));
    // Fastify's HEAD route keeps our Content-Length only for a stream body; an empty one reads no piece.
    if (request.method === 'HEAD') return reply.send(Readable.from([]));
    return reply.send(assembleEnclosure(episode, headerFor(episode), pieces, { start, end }));
  });

  app.get('/l/:token/settings', { logLevel: 'silent', config: routeConfig, schema: { hide: true, params: tokenParams } }, async (request, reply) => {
    const listener = await listenerFor(request.params.token, reply);
    if (!listener) return reply;
    const show = await episodes.getShow(listener.showId);
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(settingsPage(listener, show.title));
  });

  app.post('/l/:token/settings', { logLevel: 'silent', config: routeConfig, schema: { hide: true, params: tokenParams } }, async (request, reply) => {
    const listener = await listenerFor(request.params.token, reply);
    if (!listener) return reply;
    const show = await episodes.getShow(listener.showId);
    const form = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, string>;
    try {
      const updated = await store.update(listener.showId, listener.id, settingsFromForm(form));
      return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(settingsPage(updated, show.title, 'Saved.'));
    } catch (error) {
      if (isBriefcastError(error, ErrorCodes.CONFIG_INVALID)) {
        return reply.code(400).header('content-type', 'text/html; charset=utf-8').send(settingsPage(listener, show.title, 'Not saved: check the length (0.5 to 60 minutes) and the terms (up to 20, 80 characters each).'));
      }
      throw error;
    }
  });
};
