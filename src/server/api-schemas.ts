import { z } from 'zod';
import { showConfigSchema } from '../config/show-config.js';

/** Request and response schemas of the API: validation, serialisation, OpenAPI and handler types in one place. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const errorResponseSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), subject: z.string().optional() }) })
  .describe('Every 4xx and 5xx answer');

export const showParamsSchema = z.object({ showId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'not a show id') });
export const episodeParamsSchema = showParamsSchema.extend({
  episodeId: z.string().regex(SAFE_ID, 'not an episode id').refine((id) => !id.includes('..'), 'not an episode id'),
});

/** The show file's schema, as is: the API and the CLI accept exactly the same shows. */
export const showBodySchema = showConfigSchema;

export const showResponseSchema = z.object({
  show: z.record(z.string(), z.unknown()).describe('The show configuration, webhook secret left out'),
  feedUrl: z.string(),
  nextBriefingAt: z.string().optional(),
});
export const showListResponseSchema = z.object({ shows: z.array(showResponseSchema) });

const inlineArticleSchema = z
  .object({
    title: z.string().min(1).max(500).regex(/^[^\r\n]*$/, 'one line').optional(),
    text: z.string().min(1).max(500_000).optional(),
    html: z.string().min(1).max(5_000_000).optional(),
    url: httpUrl.optional().describe('Credited in the notes, never fetched'),
  })
  .strict()
  .refine((article) => (article.text === undefined) !== (article.html === undefined), 'give exactly one of "text" or "html"');

export const createEpisodeSchema = z
  .object({
    articles: z.array(inlineArticleSchema).max(50).optional(),
    urls: z.array(httpUrl).max(50).optional().describe('Article pages to fetch'),
    feeds: z.array(httpUrl).max(20).optional().describe('RSS/Atom/JSON feeds: their newest stories not told before'),
    feedStories: z.number().int().min(1).max(20).optional().describe('Stories taken from the feeds (default 3)'),
    targetMinutes: z.number().min(0.5).max(60).optional(),
    voice: z.string().regex(/^[A-Za-z0-9._+-]{1,64}$/, 'a voice name').optional().describe("A voice of the show's provider, for every segment"),
    draft: z.boolean().default(false).describe('Stop after the script for review; approve to make the audio'),
    date: z.iso.date().optional().describe('The day the briefing is for (default today)'),
    episodeId: z.string().regex(SAFE_ID).optional(),
  })
  .strict()
  .refine((body) => Boolean(body.articles?.length || body.urls?.length || body.feeds?.length), 'give at least one of "articles", "urls" or "feeds"');

export const pagingQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  status: z.string().regex(/^[a-z]+$/).optional(),
});

const progressSchema = z.object({ done: z.number(), total: z.number() });

export const episodeViewSchema = z.object({
  id: z.string(),
  showId: z.string(),
  title: z.string(),
  date: z.string(),
  status: z.enum(['queued', 'writing', 'synthesising', 'stitching', 'publishing', 'published', 'draft', 'failed', 'unpublished']),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().optional(),
  unpublishedAt: z.string().optional(),
  progress: progressSchema.extend({ stage: z.string() }).optional().describe('The current stage'),
  stages: z.record(z.string(), progressSchema).describe('Every stage seen so far (ingest, clean, script, synthesise, stitch, publish)'),
  description: z.string(),
  sources: z.array(z.object({ title: z.string(), url: z.string().optional(), siteName: z.string().optional() })),
  durationSeconds: z.number().optional(),
  loudness: z.object({ integratedLufs: z.number(), truePeakDbtp: z.number(), loudnessRangeLu: z.number() }).optional(),
  audioUrl: z.string().optional(),
  speakerAudioUrl: z.string().optional(),
  chaptersUrl: z.string().optional(),
  transcriptUrls: z.record(z.string(), z.string()),
  chapters: z.array(z.object({ title: z.string(), startSeconds: z.number(), endSeconds: z.number() })),
  feedUrl: z.string(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  warnings: z
    .array(z.object({ code: z.string(), message: z.string(), segmentId: z.string().optional(), articleId: z.string().optional() }))
    .optional()
    .describe('What the producer should know: left-out articles, ear-check findings on the script'),
  storyOrder: z
    .array(z.object({ id: z.string(), title: z.string(), position: z.number(), weight: z.number(), reasons: z.array(z.string()) }))
    .optional()
    .describe('Stories in reading order and why each is where it is'),
  script: z.record(z.string(), z.unknown()).optional().describe('The script document (key holders only)'),
});

export const episodeResponseSchema = z.object({ episode: episodeViewSchema });
export const episodeListResponseSchema = z.object({
  episodes: z.array(episodeViewSchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});

export const scriptQuerySchema = z.object({ format: z.enum(['json', 'text']).default('json') });

export const deliveriesResponseSchema = z.object({
  deliveries: z.array(
    z.object({
      id: z.string(),
      event: z.string(),
      url: z.string(),
      status: z.enum(['delivered', 'failed']),
      attempts: z.number(),
      responseStatus: z.number().optional(),
      error: z.string().optional(),
      finishedAt: z.string(),
    }),
  ),
});

const providerCostSchema = z.object({
  provider: z.string(),
  model: z.string().optional(),
  segments: z.number(),
  characters: z.number(),
  requests: z.number(),
  cachedSegments: z.number(),
  cachedCharacters: z.number(),
  pricePerMillionCharacters: z.number().optional(),
  estimatedCostUsd: z.number().optional(),
});

export const costResponseSchema = z
  .object({
    cost: z.object({
      showId: z.string(),
      segments: z.number(),
      cachedSegments: z.number(),
      characters: z.number(),
      cachedCharacters: z.number(),
      estimatedCostUsd: z.number(),
      unpricedProviders: z.array(z.string()),
      providers: z.array(providerCostSchema),
    }),
  })
  .describe('Characters still to synthesise and their estimated price per provider; cached segments are free');
