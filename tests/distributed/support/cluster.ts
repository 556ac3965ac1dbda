import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { loadConfig, type AppConfig } from '../../../src/config/env.js';
import { silentLogger } from '../../../src/core/logger.js';
import { createDistributedApp, type DistributedApp } from '../../../src/queue/distributed-app.js';
import { startS3Server, type TestS3Server } from '../../storage/s3-server.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
export const REDIS_URL = loadConfig().distributed.redisUrl;

export interface WorkerHandle {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * One isolated distributed setup per test file: s3rver on loopback, a unique
 * queue prefix on the real Redis, the environment worker processes get, and an
 * enqueuer (the test process) built by the same composition root.
 */
export class TestCluster {
  readonly prefix = `bctest-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  private readonly workers: WorkerHandle[] = [];
  private dirs: string[] = [];
  env!: Record<string, string>;
  config!: AppConfig;
  app!: DistributedApp;
  s3!: TestS3Server;

  static async start(extraEnv: Record<string, string> = {}): Promise<TestCluster> {
    const cluster = new TestCluster();
    cluster.s3 = await startS3Server();
    const dataDir = await mkdtemp(join(tmpdir(), 'briefcast-enqueuer-'));
    cluster.dirs.push(dataDir);
    cluster.env = {
      REDIS_URL,
      BRIEFCAST_QUEUE_PREFIX: cluster.prefix,
      BRIEFCAST_STORAGE: 's3',
      S3_ENDPOINT: cluster.s3.endpoint,
      S3_BUCKET: cluster.s3.bucket,
      S3_FORCE_PATH_STYLE: 'true',
      S3_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: cluster.s3.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: cluster.s3.credentials.secretAccessKey,
      BRIEFCAST_CONCURRENCY: '2',
      // Short enough that a killed worker's jobs come back within seconds.
      BRIEFCAST_JOB_LOCK_MS: '5000',
      BRIEFCAST_STALLED_INTERVAL_MS: '2000',
      BRIEFCAST_MAX_STALLED: '3',
      BRIEFCAST_JOB_BACKOFF_MS: '200',
      LOG_LEVEL: 'info',
      ...extraEnv,
    };
    cluster.config = loadConfig({ ...cluster.env, BRIEFCAST_DATA_DIR: dataDir });
    cluster.app = createDistributedApp(cluster.config, { logger: silentLogger() });
    return cluster;
  }

  /** A real worker process: the production worker runtime, plus test hooks when BRIEFCAST_TEST_HOOK names some. */
  async startWorker(args: string[] = [], env: Record<string, string> = {}): Promise<WorkerHandle> {
    const dataDir = await mkdtemp(join(tmpdir(), 'briefcast-worker-'));
    this.dirs.push(dataDir);
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/distributed/support/test-worker.ts'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...this.env, BRIEFCAST_DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const handle = { child, output: () => output, exited };
    this.workers.push(handle);
    // Ready once it logs so; an early exit is a failed start.
    for (;;) {
      if (output.includes('"workers ready"')) return handle;
      if (child.exitCode !== null) throw new Error(`worker exited during start-up:\n${output}`);
      await sleep(100);
    }
  }

  async kill(handle: WorkerHandle, signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
    handle.child.kill(signal);
    return handle.exited;
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null).map((w) => this.kill(w, 'SIGKILL')));
    await this.app?.close();
    // Leave nothing of this run in the shared Redis.
    const redis = new Redis(REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
    await this.s3?.close();
    await Promise.all(this.dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

/** Polls until `check` returns a value (not undefined), or fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 150_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
