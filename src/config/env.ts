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
    ...overrides,
  };
}
