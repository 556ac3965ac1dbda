import type {} from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EpisodeRecord } from '../core/episode.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { EpisodeStore } from '../pipeline/episode-store.js';
import { gatherArticles } from '../pipeline/episode-inputs.js';
import { findUnpublished, listUnpublished, unpublishEpisode, type UnpublishedRecord } from '../pipeline/unpublish-episode.js';
import { publicKeys } from '../storage/keys.js';
import type { ApiServices } from './api-services.js';
import {
  createEpisodeSchema,
  episodeListResponseSchema,
  episodeParamsSchema,
  episodeResponseSchema,
  errorResponseSchema,
  pagingQuerySchema,
  showParamsSchema,
} from './api-schemas.js';
import { episodeView } from './episode-view.js';
import { memoryLedger, redisLedger } from './queued-ledger.js';
import { QueuedPerKey } from './queued-per-key.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const FINAL = new Set(['published', 'draft', 'failed', 'unpublished']);

/** Episodes: create from any mix of inputs, read with progress, list, unpublish. */
export const episodesRoutes: FastifyPluginAsyncZod<{ services: ApiServices }> = async (app, { services }) => {
  const { ctx, runner, config } = services;
  const store = new EpisodeStore(ctx.work);
  const feedUrl = (showId: string) => ctx.publish.publicUrl(publicKeys.feed(showId));
  // Counted where the rate limit is: in Redis when API processes share one, so the limit holds across them.
  const ledger = services.rateLimit ? redisLedger(services.rateLimit.redis, services.rateLimit.nameSpace) : memoryLedger();
  const queued = new QueuedPerKey(config.api.maxQueuedPerKey, async ({ showId, episodeId }) => (await store.findEpisode(showId, episodeId))?.status, ledger);

  /** The record with live progress, or the unpublished one; 404 when neither exists. */
  const resolve = async (showId: string, episodeId: string) => {
    const live = await runner.status(showId, episodeId);
    if (live) return { record: live.record as EpisodeRecord | UnpublishedRecord, stages: live.stages };
    const gone = await findUnpublished(ctx, showId, episodeId);
    if (gone) return { record: gone as EpisodeRecord | UnpublishedRecord, stages: {} };
    throw new BriefcastError(ErrorCodes.EPISODE_NOT_FOUND, 'no such episode', { subject: `${showId}/${episodeId}` });
  };

  app.post(
    '/api/shows/:showId/episodes',
    {
      config: {
        auth: 'key',
        rateLimit: {
          max: config.api.episodesPerMinutePerKey,
          timeWindow: 60_000,
          keyGenerator: (request: FastifyRequest) => `episodes:${request.principal?.keyId ?? request.ip}`,
        },
      },
      schema: {
        tags: ['episodes'],
        summary: 'Create an episode from inline articles, article URLs and news feeds',
        description: 'Returns at once (202); poll the episode for progress. Rate limited per key.',
        security: [{ bearer: [] }],
        params: showParamsSchema,
        body: createEpisodeSchema,
        response: { 200: episodeResponseSchema, 202: episodeResponseSchema, 413: errorResponseSchema, 422: errorResponseSchema, 429: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const show = await store.getShow(request.params.showId);
      const keyId = request.principal?.keyId ?? request.ip;
      const hold = await queued.reserve(keyId);
      let created = false;
      let record: EpisodeRecord;
      try {
        const body = request.body;
        const articles = await gatherArticles(ctx, show.id, body, services.ingest);
        const maxStories = config.caps.maxStoriesPerEpisode;
        if (articles.length > maxStories) {
          throw new BriefcastError(ErrorCodes.INPUT_LIMIT, `${articles.length} articles, more than the ${maxStories} stories an episode may have (BRIEFCAST_MAX_STORIES_PER_EPISODE)`, { subject: 'body' });
        }
        ({ record, created } = await runner.submit({
          show,
          articles,
          date: body.date ? new Date(`${body.date}T12:00:00Z`) : ctx.now(),
          draft: body.draft,
          ...(body.episodeId ? { episodeId: body.episodeId } : {}),
          ...(body.targetMinutes !== undefined ? { targetMinutes: body.targetMinutes } : {}),
          ...(body.voice ? { voice: body.voice } : {}),
        }));
      } finally {
        if (!created) await queued.released(keyId, hold);
      }
      if (created) await queued.accepted(keyId, hold, { showId: show.id, episodeId: record.id });
      void reply.header('location', `/api/shows/${show.id}/episodes/${record.id}`);
      return reply.code(created ? 202 : 200).send({ episode: episodeView(record, { feedUrl: feedUrl(show.id) }) });
    },
  );

  app.get(
    '/api/shows/:showId/episodes',
    {
      config: { auth: 'key' },
      schema: { tags: ['episodes'], summary: 'List episodes, newest first', security: [{ bearer: [] }], params: showParamsSchema, querystring: pagingQuerySchema, response: { 200: episodeListResponseSchema, ...errors } },
    },
    async (request) => {
      const { showId } = request.params;
      await store.getShow(showId);
      const { limit, offset, status } = request.query;
      const all: Array<EpisodeRecord | UnpublishedRecord> = [...(await store.listEpisodes(showId)), ...(await listUnpublished(ctx, showId))];
      const matching = all.filter((record) => !status || record.status === status).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
      const page = await Promise.all(
        matching.slice(offset, offset + limit).map(async (record) => {
          if (FINAL.has(record.status)) return episodeView(record, { feedUrl: feedUrl(showId) });
          const live = await resolve(showId, record.id);
          return episodeView(live.record, { feedUrl: feedUrl(showId), stages: live.stages });
        }),
      );
      return { episodes: page, total: matching.length, limit, offset };
    },
  );

  app.get(
    '/api/shows/:showId/episodes/:episodeId',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['episodes'],
        summary: 'Read an episode: status, per-stage progress, script, measurements, URLs, failure reason',
        description: 'Without a key only published episodes are visible, without script or failure details.',
        security: [{ bearer: [] }, {}],
        params: episodeParamsSchema,
        response: { 200: episodeResponseSchema, ...errors },
      },
    },
    async (request) => {
      const { showId, episodeId } = request.params;
      const { record, stages } = await resolve(showId, episodeId);
      if (!request.principal) {
        if (record.status !== 'published') throw new BriefcastError(ErrorCodes.EPISODE_NOT_FOUND, 'no such episode', { subject: `${showId}/${episodeId}` });
        return { episode: episodeView(record, { feedUrl: feedUrl(showId), includeError: false }) };
      }
      const script = record.status === 'queued' || record.status === 'writing' ? undefined : await store.getScript(showId, episodeId).catch(() => undefined);
      return { episode: episodeView(record, { feedUrl: feedUrl(showId), stages, ...(script ? { script } : {}) }) };
    },
  );

  app.delete(
    '/api/shows/:showId/episodes/:episodeId',
    {
      config: { auth: 'key' },
      schema: {
        tags: ['episodes'],
        summary: 'Unpublish an episode: it leaves the feed; its audio is deleted unless BRIEFCAST_UNPUBLISH_AUDIO=keep',
        security: [{ bearer: [] }],
        params: episodeParamsSchema,
        response: { 200: episodeResponseSchema, ...errors },
      },
    },
    async (request) => {
      const { showId, episodeId } = request.params;
      const show = await store.getShow(showId);
      const gone = await findUnpublished(ctx, showId, episodeId);
      const removed = gone && !(await store.findEpisode(showId, episodeId)) ? gone : await unpublishEpisode(ctx, show, episodeId, { keepAudio: config.api.unpublishAudio === 'keep' });
      return { episode: episodeView(removed, { feedUrl: feedUrl(showId) }) };
    },
  );
};
