import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { BriefcastError, ErrorCodes } from '../core/errors.js';

/**
 * Process configuration, read from the environment once, here and nowhere
 * else. Every variable is documented in the README's configuration table.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

export const envSchema = z.object({
  BRIEFCAST_DATA_DIR: z.string().min(1).default('.briefcast'),
  BRIEFCAST_PUBLISH_DIR: z.string().min(1).default('published'),
  BRIEFCAST_HOST: z.string().min(1).default('127.0.0.1'),
  BRIEFCAST_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  BRIEFCAST_PUBLIC_URL: z.url().optional(),
  BRIEFCAST_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  BRIEFCAST_ESPEAK_ENGINE: z.enum(['auto', 'cli', 'wasm']).default('auto'),
  BRIEFCAST_ALLOW_PRIVATE_URLS: booleanFlag.default(false),
  BRIEFCAST_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  BRIEFCAST_MAX_ARTICLE_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(5 * 1024 * 1024),
  // Caps on outside input (docs/api.md "Limits"): parsing is bounded, and a cap hit is a 422 naming it.
  BRIEFCAST_MAX_HTML_DEPTH: z.coerce.number().int().min(16).max(4096).default(256),
  BRIEFCAST_MAX_HTML_NODES: z.coerce.number().int().min(100).max(10_000_000).default(200_000),
  BRIEFCAST_MAX_WORDS_PER_ARTICLE: z.coerce.number().int().min(10).max(10_000_000).default(30_000),
  BRIEFCAST_MAX_WORDS_PER_STORY: z.coerce.number().int().min(10).max(1_000_000).default(3_000),
  BRIEFCAST_MAX_WORDS_PER_EPISODE: z.coerce.number().int().min(10).max(10_000_000).default(20_000),
  BRIEFCAST_MAX_TTS_CHARS_PER_EPISODE: z.coerce.number().int().min(100).max(100_000_000).default(150_000),
  BRIEFCAST_MAX_STORIES_PER_EPISODE: z.coerce.number().int().min(1).max(1_000).default(50),
  BRIEFCAST_PARSE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  FFMPEG_PATH: z.string().min(1).optional(),
  PATH: z.string().optional(),
  FFPROBE_PATH: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  // Storage backend: a local folder (embedded mode) or S3-compatible object storage (distributed mode).
  BRIEFCAST_STORAGE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_PREFIX: z.string().regex(/^([A-Za-z0-9._-]+\/)*$/, 'must be empty or end with "/"').default(''),
  S3_FORCE_PATH_STYLE: booleanFlag.default(false),
  S3_PUBLIC_URL: z.url().optional(),
  // The usual AWS variables; without them the SDK's own chain (profiles, instance roles) applies.
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  AWS_SESSION_TOKEN: z.string().min(1).optional(),
  // Distributed mode: queues on Redis.
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').default('redis://127.0.0.1:6379'),
  BRIEFCAST_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash, underscore').default('briefcast'),
  // 8 attempts with the 2 s first step wait 2-4 min in all: a storage or provider outage of a minute or two is ridden out (5 covered only 15-30 s).
  BRIEFCAST_JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  BRIEFCAST_JOB_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(2_000),
  BRIEFCAST_JOB_LOCK_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  BRIEFCAST_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  BRIEFCAST_MAX_STALLED: z.coerce.number().int().min(0).max(100).default(2),
  BRIEFCAST_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** Requests per second per TTS provider, shared by all workers: "openai=3,elevenlabs=2". */
  BRIEFCAST_TTS_RATE_LIMITS: z
    .string()
    .regex(/^([a-z0-9-]+=\d+(\.\d+)?)(,[a-z0-9-]+=\d+(\.\d+)?)*$/, 'expected provider=requestsPerSecond pairs, comma separated')
    .optional(),
  // Producer API (docs/api.md): how episodes run, limits, and what unpublishing does to audio.
  /** "embedded" runs episodes in the API process; "distributed" enqueues BullMQ flows on REDIS_URL. */
  BRIEFCAST_RUNNER: z.enum(['embedded', 'distributed']).default('embedded'),
  /** Episodes built at once by the embedded runner (each also synthesises BRIEFCAST_CONCURRENCY segments at once). */
  BRIEFCAST_EPISODE_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  BRIEFCAST_API_BODY_LIMIT: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  /** Episode creations per key per minute. */
  BRIEFCAST_API_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Episodes one key may have queued or building at once (shared through Redis in distributed mode). */
  BRIEFCAST_API_MAX_QUEUED_PER_KEY: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Slow clients: whole request (headers and body), headers alone, and an idle keep-alive connection. */
  BRIEFCAST_API_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  BRIEFCAST_API_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).default(10_000),
  BRIEFCAST_API_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** API keys file (hashed keys); default <data dir>/api-keys.json. */
  BRIEFCAST_KEYS_FILE: z.string().min(1).optional(),
  BRIEFCAST_UNPUBLISH_AUDIO: z.enum(['delete', 'keep']).default('delete'),
  BRIEFCAST_WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  BRIEFCAST_WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(2_000),
  BRIEFCAST_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Run show schedules in this process (the embedded scheduler, or BullMQ job schedulers in distributed mode). */
  BRIEFCAST_SCHEDULES: booleanFlag.default(true),
  BRIEFCAST_LISTENER_FEED_ITEMS: z.coerce.number().int().min(1).max(100).default(10),
  BRIEFCAST_LISTENER_MATERIALISE: booleanFlag.default(false),
  BRIEFCAST_LISTENER_PIECE_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(64),
  BRIEFCAST_LISTENER_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
  // Cloud and self-hosted TTS providers (docs/voices.md); each is only contacted when a show names it.
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** OpenAI or any server with the same speech API, including /v1, e.g. http://localhost:8880/v1. */
  OPENAI_BASE_URL: z.url().optional(),
  BRIEFCAST_OPENAI_TTS_MODEL: z.string().min(1).default('tts-1'),
  BRIEFCAST_OPENAI_TTS_FORMAT: z.enum(['mp3', 'wav', 'pcm', 'opus']).default('mp3'),
  /** How long one speech request may take before it is abandoned as a (retryable) timeout. */
  BRIEFCAST_OPENAI_TTS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(120_000),
  /** Voice names a self-hosted server offers, comma separated (for `briefcast voices`). */
  BRIEFCAST_OPENAI_TTS_VOICES: z.string().min(1).optional(),
  ELEVENLABS_API_KEY: z.string().min(1).optional(),
  ELEVENLABS_BASE_URL: z.url().optional(),
  BRIEFCAST_ELEVENLABS_MODEL: z.string().min(1).default('eleven_multilingual_v2'),
  BRIEFCAST_ELEVENLABS_FORMAT: z.string().regex(/^(mp3|pcm)_\d+(_\d+)?$/, 'an mp3_* or pcm_* output format').default('mp3_44100_128'),
  /** Polly credentials come from the AWS SDK's default chain (AWS_ACCESS_KEY_ID, profiles, instance roles). */
  AWS_REGION: z.string().min(1).optional(),
  BRIEFCAST_POLLY_ENDPOINT: z.url().optional(),
  BRIEFCAST_POLLY_ENGINE: z.enum(['standard', 'neural', 'long-form', 'generative']).default('neural'),
  // Open neural voices (docs/voices.md, Kokoro): downloaded once by `briefcast voices install kokoro`.
  /** Cache of downloaded models; default <data dir>/models. */
  BRIEFCAST_MODELS_DIR: z.string().min(1).optional(),
  /** A folder that already holds the Kokoro files (machines without internet); nothing is downloaded. */
  BRIEFCAST_KOKORO_MODEL_DIR: z.string().min(1).optional(),
  /** Where `voices install kokoro` downloads from (a mirror, or a test server). */
  BRIEFCAST_KOKORO_BASE_URL: z.url().optional(),
  /** A JSON manifest of files and SHA-256 pins that replaces the built-in one (a mirror with other files). */
  BRIEFCAST_KOKORO_MANIFEST: z.string().min(1).optional(),
  /** The LLM script writer is registered only when a model is named. */
  BRIEFCAST_LLM_MODEL: z.string().min(1).optional(),
  BRIEFCAST_LLM_BASE_URL: z.url().optional(),
  BRIEFCAST_LLM_API_KEY: z.string().min(1).optional(),
  BRIEFCAST_LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
});

export type EnvConfig = z.infer<typeof envSchema>;

export interface AppConfig {
  dataDir: string;
  publishDir: string;
  host: string;
  port: number;
  /** Base URL listeners reach the published folder at. */
  publicUrl: string;
  concurrency: number;
  espeakEngine: 'auto' | 'cli' | 'wasm';
  /** Cost caps on every episode's script (src/pipeline/episode-caps.ts). */
  caps: { maxWordsPerStory: number; maxWordsPerEpisode: number; maxTtsCharsPerEpisode: number; maxStoriesPerEpisode: number };
  ingest: { allowPrivateNetwork: boolean; fetchTimeoutMs: number; maxBytes: number; maxHtmlDepth: number; maxHtmlNodes: number; maxWordsPerArticle: number; parseTimeoutMs: number };
  ffmpegPath?: string;
  ffprobePath?: string;
  /** The folders `PATH` names, where ffmpeg is looked for when FFMPEG_PATH is not set. */
  executableSearchPath: string;
  logLevel: string;
  storage: StorageConfig;
  distributed: DistributedConfig;
  tts: TtsConfig;
  /** Chat-completions endpoint of the LLM script writer; absent when no model is configured. */
  llm?: { model: string; baseUrl?: string; apiKey: string; timeoutMs: number };
  api: ApiConfig;
  /** Personal listener feeds (docs/listeners.md). */
  listeners: { feedItems: number; materialise: boolean; pieceCacheBytes: number; requestsPerMinute: number };
}

/** Settings of the producer API, the episode runner, schedules and webhooks. */
export interface ApiConfig {
  runner: 'embedded' | 'distributed';
  episodeConcurrency: number;
  bodyLimitBytes: number;
  episodesPerMinutePerKey: number;
  timeouts: { requestMs: number; headersMs: number; idleMs: number };
  maxQueuedPerKey: number;
  keysFile: string;
  unpublishAudio: 'delete' | 'keep';
  webhook: { attempts: number; backoffMs: number; timeoutMs: number };
  schedules: boolean;
}

function apiConfig(e: EnvConfig): ApiConfig {
  return {
    runner: e.BRIEFCAST_RUNNER,
    episodeConcurrency: e.BRIEFCAST_EPISODE_CONCURRENCY,
    bodyLimitBytes: e.BRIEFCAST_API_BODY_LIMIT,
    episodesPerMinutePerKey: e.BRIEFCAST_API_RATE_LIMIT,
    maxQueuedPerKey: e.BRIEFCAST_API_MAX_QUEUED_PER_KEY,
    timeouts: { requestMs: e.BRIEFCAST_API_REQUEST_TIMEOUT_MS, headersMs: e.BRIEFCAST_API_HEADERS_TIMEOUT_MS, idleMs: e.BRIEFCAST_API_IDLE_TIMEOUT_MS },
    keysFile: e.BRIEFCAST_KEYS_FILE ?? `${e.BRIEFCAST_DATA_DIR.replace(/\/+$/, '')}/api-keys.json`,
    unpublishAudio: e.BRIEFCAST_UNPUBLISH_AUDIO,
    webhook: { attempts: e.BRIEFCAST_WEBHOOK_ATTEMPTS, backoffMs: e.BRIEFCAST_WEBHOOK_BACKOFF_MS, timeoutMs: e.BRIEFCAST_WEBHOOK_TIMEOUT_MS },
    schedules: e.BRIEFCAST_SCHEDULES,
  };
}

/** Settings of the vendor TTS providers; rate limits are in `distributed.ttsRateLimits`. */
export interface TtsConfig {
  openai: { apiKey?: string; baseUrl?: string; model: string; responseFormat: 'mp3' | 'wav' | 'pcm' | 'opus'; voices?: string[]; timeoutMs: number };
  elevenlabs: { apiKey?: string; baseUrl?: string; model: string; outputFormat: string };
  polly: { region?: string; endpoint?: string; engine: 'standard' | 'neural' | 'long-form' | 'generative' };
  kokoro: { modelsDir: string; modelDir?: string; baseUrl?: string; manifestFile?: string };
}

function ttsConfig(e: EnvConfig): TtsConfig {
  return {
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.BRIEFCAST_OPENAI_TTS_MODEL,
      responseFormat: e.BRIEFCAST_OPENAI_TTS_FORMAT,
      timeoutMs: e.BRIEFCAST_OPENAI_TTS_TIMEOUT_MS,
      voices: e.BRIEFCAST_OPENAI_TTS_VOICES?.split(',').map((name) => name.trim()).filter(Boolean),
    },
    elevenlabs: { apiKey: e.ELEVENLABS_API_KEY, baseUrl: e.ELEVENLABS_BASE_URL, model: e.BRIEFCAST_ELEVENLABS_MODEL, outputFormat: e.BRIEFCAST_ELEVENLABS_FORMAT },
    polly: { region: e.AWS_REGION, endpoint: e.BRIEFCAST_POLLY_ENDPOINT, engine: e.BRIEFCAST_POLLY_ENGINE },
    kokoro: {
      modelsDir: e.BRIEFCAST_MODELS_DIR ?? `${e.BRIEFCAST_DATA_DIR.replace(/\/+$/, '')}/models`,
      modelDir: e.BRIEFCAST_KOKORO_MODEL_DIR,
      baseUrl: e.BRIEFCAST_KOKORO_BASE_URL,
      manifestFile: e.BRIEFCAST_KOKORO_MANIFEST,
    },
  };
}

export type StorageConfig =
  | { kind: 'local' }
  | {
      kind: 's3';
      bucket: string;
      region: string;
      prefix: string;
      forcePathStyle: boolean;
      endpoint?: string;
      publicUrl?: string;
      credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
    };

export interface DistributedConfig {
  redisUrl: string;
  queuePrefix: string;
  attempts: number;
  backoffMs: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  maxStalledCount: number;
  shutdownGraceMs: number;
  ttsRateLimits: Record<string, number>;
}

function storageConfig(e: EnvConfig): StorageConfig {
  if (e.BRIEFCAST_STORAGE === 'local') return { kind: 'local' };
  if (!e.S3_BUCKET) throw new BriefcastError(ErrorCodes.CONFIG_INVALID, 'required when BRIEFCAST_STORAGE=s3', { subject: 'S3_BUCKET' });
  return {
    kind: 's3',
    bucket: e.S3_BUCKET,
    region: e.S3_REGION ?? e.AWS_REGION ?? 'us-east-1',
    prefix: e.S3_PREFIX,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    endpoint: e.S3_ENDPOINT,
    publicUrl: e.S3_PUBLIC_URL?.replace(/\/+$/, ''),
    credentials:
      e.AWS_ACCESS_KEY_ID && e.AWS_SECRET_ACCESS_KEY
        ? { accessKeyId: e.AWS_ACCESS_KEY_ID, secretAccessKey: e.AWS_SECRET_ACCESS_KEY, sessionToken: e.AWS_SESSION_TOKEN }
        : undefined,
  };
}

function distributedConfig(e: EnvConfig): DistributedConfig {
  const limits = (e.BRIEFCAST_TTS_RATE_LIMITS ?? '').split(',').filter(Boolean).map((pair) => pair.split('='));
  return {
    redisUrl: e.REDIS_URL,
    queuePrefix: e.BRIEFCAST_QUEUE_PREFIX,
    attempts: e.BRIEFCAST_JOB_ATTEMPTS,
    backoffMs: e.BRIEFCAST_JOB_BACKOFF_MS,
    lockDurationMs: e.BRIEFCAST_JOB_LOCK_MS,
    stalledIntervalMs: e.BRIEFCAST_STALLED_INTERVAL_MS,
    maxStalledCount: e.BRIEFCAST_MAX_STALLED,
    shutdownGraceMs: e.BRIEFCAST_SHUTDOWN_GRACE_MS,
    ttsRateLimits: Object.fromEntries(limits.map(([name, rate]) => [name!, Number(rate)])),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BriefcastError(ErrorCodes.CONFIG_INVALID, issue.message, { subject: String(issue.path.join('.')) });
  }
  const e = parsed.data;
  const port = overrides.port ?? e.BRIEFCAST_PORT;
  const host = overrides.host ?? e.BRIEFCAST_HOST;
  return {
    dataDir: e.BRIEFCAST_DATA_DIR,
    publishDir: e.BRIEFCAST_PUBLISH_DIR,
    host,
    port,
    publicUrl: (e.BRIEFCAST_PUBLIC_URL ?? `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`).replace(/\/+$/, ''),
    concurrency: e.BRIEFCAST_CONCURRENCY ?? availableParallelism(),
    espeakEngine: e.BRIEFCAST_ESPEAK_ENGINE,
    caps: {
      maxWordsPerStory: e.BRIEFCAST_MAX_WORDS_PER_STORY,
      maxWordsPerEpisode: e.BRIEFCAST_MAX_WORDS_PER_EPISODE,
      maxTtsCharsPerEpisode: e.BRIEFCAST_MAX_TTS_CHARS_PER_EPISODE,
      maxStoriesPerEpisode: e.BRIEFCAST_MAX_STORIES_PER_EPISODE,
    },
    ingest: {
      allowPrivateNetwork: e.BRIEFCAST_ALLOW_PRIVATE_URLS,
      fetchTimeoutMs: e.BRIEFCAST_FETCH_TIMEOUT_MS,
      maxBytes: e.BRIEFCAST_MAX_ARTICLE_BYTES,
      maxHtmlDepth: e.BRIEFCAST_MAX_HTML_DEPTH,
      maxHtmlNodes: e.BRIEFCAST_MAX_HTML_NODES,
      maxWordsPerArticle: e.BRIEFCAST_MAX_WORDS_PER_ARTICLE,
      parseTimeoutMs: e.BRIEFCAST_PARSE_TIMEOUT_MS,
    },
    ffmpegPath: e.FFMPEG_PATH,
    ffprobePath: e.FFPROBE_PATH,
    // The process's own PATH when the given environment has none: it is where spawn() finds programs too.
    executableSearchPath: e.PATH ?? process.env.PATH ?? '',
    logLevel: e.LOG_LEVEL,
    storage: storageConfig(e),
    distributed: distributedConfig(e),
    tts: ttsConfig(e),
    llm: e.BRIEFCAST_LLM_MODEL
      ? {
          model: e.BRIEFCAST_LLM_MODEL,
          baseUrl: e.BRIEFCAST_LLM_BASE_URL ?? e.OPENAI_BASE_URL,
          // Self-hosted OpenAI-compatible servers usually accept any key.
          apiKey: e.BRIEFCAST_LLM_API_KEY ?? e.OPENAI_API_KEY ?? 'not-needed',
          timeoutMs: e.BRIEFCAST_LLM_TIMEOUT_MS,
        }
      : undefined,
    api: apiConfig(e),
    listeners: {
      feedItems: e.BRIEFCAST_LISTENER_FEED_ITEMS,
      materialise: e.BRIEFCAST_LISTENER_MATERIALISE,
      pieceCacheBytes: e.BRIEFCAST_LISTENER_PIECE_CACHE_MB * 1024 * 1024,
      requestsPerMinute: e.BRIEFCAST_LISTENER_REQUESTS_PER_MINUTE,
    },
    ...overrides,
  };
}
