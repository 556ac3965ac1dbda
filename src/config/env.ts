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
  FFMPEG_PATH: z.string().min(1).optional(),
  FFPROBE_PATH: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  // Storage backend: a local folder (embedded mode) or S3-compatible object storage (distributed mode).
  BRIEFCAST_STORAGE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_PREFIX: z.string().regex(/^([A-Za-z0-9._-]+\/)*$/, 'must be empty or end with "/"').default(''),
  S3_FORCE_PATH_STYLE: booleanFlag.default(false),
  S3_PUBLIC_URL: z.url().optional(),
  // Distributed mode: queues on Redis.
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').default('redis://127.0.0.1:6379'),
  BRIEFCAST_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash, underscore').default('briefcast'),
  BRIEFCAST_JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
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
  /** Test-only: JSON settings for the test TTS provider hook (see workers/test-hooks.ts). */
  BRIEFCAST_TEST_HOOK: z.string().min(2).optional(),
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
  ingest: { allowPrivateNetwork: boolean; fetchTimeoutMs: number; maxBytes: number };
  ffmpegPath?: string;
  ffprobePath?: string;
  logLevel: string;
  storage: StorageConfig;
  distributed: DistributedConfig;
}

export type StorageConfig =
  | { kind: 'local' }
  | { kind: 's3'; bucket: string; region: string; prefix: string; forcePathStyle: boolean; endpoint?: string; publicUrl?: string };

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
  testHook?: string;
}

function storageConfig(e: EnvConfig): StorageConfig {
  if (e.BRIEFCAST_STORAGE === 'local') return { kind: 'local' };
  if (!e.S3_BUCKET) throw new BriefcastError(ErrorCodes.CONFIG_INVALID, 'required when BRIEFCAST_STORAGE=s3', { subject: 'S3_BUCKET' });
  return {
    kind: 's3',
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    prefix: e.S3_PREFIX,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    endpoint: e.S3_ENDPOINT,
    publicUrl: e.S3_PUBLIC_URL?.replace(/\/+$/, ''),
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
    testHook: e.BRIEFCAST_TEST_HOOK,
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
    ingest: { allowPrivateNetwork: e.BRIEFCAST_ALLOW_PRIVATE_URLS, fetchTimeoutMs: e.BRIEFCAST_FETCH_TIMEOUT_MS, maxBytes: e.BRIEFCAST_MAX_ARTICLE_BYTES },
    ffmpegPath: e.FFMPEG_PATH,
    ffprobePath: e.FFPROBE_PATH,
    logLevel: e.LOG_LEVEL,
    storage: storageConfig(e),
    distributed: distributedConfig(e),
    ...overrides,
  };
}
