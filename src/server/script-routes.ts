import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { ScriptDocument } from '../core/types.js';
import { EpisodeStore } from '../pipeline/episode-store.js';
import { parseScriptDocument } from '../script/script-schema.js';
import { parseScriptText, renderScriptText } from '../script/script-text.js';
import { publicKeys } from '../storage/keys.js';
import { listOutcomes } from '../webhooks/delivery-log.js';
import type { ApiServices } from './api-services.js';
import { costResponseSchema, deliveriesResponseSchema, episodeParamsSchema, episodeResponseSchema, errorResponseSchema, scriptQuerySchema, showParamsSchema } from './api-schemas.js';
import { episodeView } from './episode-view.js';
import { estimateEpisodeCost } from '../pipeline/estimate-cost.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

/** Draft review: read the script, replace it (text form or JSON), approve; and the show's webhook outcomes. */
export const scriptRoutes: FastifyPluginAsyncZod<{ services: ApiServices }> = async (app, { services }) => {
  const { ctx, runner } = services;
  const store = new EpisodeStore(ctx.work);

  app.get(
    '/api/shows/:showId/episodes/:episodeId/script',
    {
      config: { auth: 'key' },
      schema: {
        tags: ['drafts'],
        summary: 'Read the script as JSON or as the editable text form (?format=text)',
        security: [{ bearer: [] }],
        params: episodeParamsSchema,
        querystring: scriptQuerySchema,
      },
    },
    async (request, reply) => {
      const script = await store.getScript(request.params.showId, request.params.episodeId);
      if (request.query.format === 'text') return reply.type('text/plain; charset=utf-8').send(renderScriptText(script));
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(script));
    },
  );

  app.get(
    '/api/shows/:showId/episodes/:episodeId/cost',
    {
      config: { auth: 'key' },
      schema: {
        tags: ['drafts'],
        summary: "Estimate the characters and price of synthesising the episode's script, counting what the cache holds",
        description: 'Ask before approving a draft: nothing is synthesised or written.',
        security: [{ bearer: [] }],
        params: episodeParamsSchema,
        response: { 200: costResponseSchema, ...errors },
      },
    },
    async (request) => {
      const { showId, episodeId } = request.params;
      const [show, script] = await Promise.all([store.getShow(showId), store.getScript(showId, episodeId)]);
      return { cost: await estimateEpisodeCost(ctx, show, script) };
    },
  );

  app.put(
    '/api/shows/:showId/episodes/:episodeId/script',
    {
      config: { auth: 'key' },
      schema: {
        tags: ['drafts'],
        summary: "Replace a draft's script",
        description: 'Send the text form as text/plain (as GET ?format=text gives it) or the JSON document as application/json.',
        security: [{ bearer: [] }],
        params: episodeParamsSchema,
        response: { 200: episodeResponseSchema, 415: errorResponseSchema, ...errors },
      },
    },
    async (request) => {
      const { showId, episodeId } = request.params;
      const record = await store.getEpisode(showId, episodeId);
      if (record.status !== 'draft') {
        throw new BriefcastError(ErrorCodes.STORAGE_CONFLICT, `only a draft's script can be edited; this episode is ${record.status}`, { subject: `${showId}/${episodeId}` });
      }
      const body: unknown = request.body;
      let script: ScriptDocument;
      if (typeof body === 'string') script = parseScriptText(body, 'body');
      else if (body && typeof body === 'object') script = parseScriptDocument(body, 'body');
      else throw new BriefcastError(ErrorCodes.SCRIPT_INVALID, 'send the script as text/plain or application/json', { subject: 'body' });
      await store.saveScript(showId, episodeId, script);
      const updated = await store.updateEpisode(showId, episodeId, (current) => ({ ...current, updatedAt: ctx.now().toISOString() }));
      return { episode: episodeView(updated, { feedUrl: ctx.publish.publicUrl(publicKeys.feed(showId)), script }) };
    },
  );

  app.post(
    '/api/shows/:showId/episodes/:episodeId/approve',
    {
      config: { auth: 'key' },
      schema: {
        tags: ['drafts'],
        summary: 'Approve a draft: make its audio from the (edited) script and publish it',
        security: [{ bearer: [] }],
        params: episodeParamsSchema,
        response: { 202: episodeResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { showId, episodeId } = request.params;
      const show = await store.getShow(showId);
      const record = await runner.approve(show, episodeId);
      return reply.code(202).send({ episode: episodeView(record, { feedUrl: ctx.publish.publicUrl(publicKeys.feed(showId)) }) });
    },
  );

  app.get(
    '/api/shows/:showId/webhooks/deliveries',
    {
      config: { auth: 'key' },
      schema: { tags: ['webhooks'], summary: 'Outcomes of webhook deliveries, newest first', security: [{ bearer: [] }], params: showParamsSchema, response: { 200: deliveriesResponseSchema, ...errors } },
    },
    async (request) => {
      await store.getShow(request.params.showId);
      const outcomes = await listOutcomes(ctx.work, request.params.showId);
      return { deliveries: outcomes.map(({ showId: _showId, ...outcome }) => outcome) };
    },
  );
};
