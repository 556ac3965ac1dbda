/**
 * Distributed-mode benchmark, all figures from one run on this machine:
 *  1. overhead: one 8-article episode through the embedded runner vs through the queues with one worker process;
 *  2. throughput: 8 one-article episodes with one worker process vs two, unpinned and pinned with
 *     `taskset` (one worker on core 0 vs two workers on cores 0 and 1; engine children inherit the pin),
 *     the per-core stand-in for adding machines;
 *  plus the peak resident memory (VmHWM) of each worker process.
 * Storage is a local folder shared by the processes (one machine), so the figures measure queues and processes, not S3.
 * Needs Redis at REDIS_URL. Run: npx tsx scripts/bench-distributed.ts [--once] [--voice provider:name]
 * (--once: one run per figure instead of the faster of two; --voice: instead of the show's `auto`)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { loadShowFile } from '../src/config/load-show.js';
import { silentLogger } from '../src/core/logger.js';
import { ingestAndClean, buildFromArticles } from '../src/pipeline/build-now.js';
import { createDistributedApp } from '../src/queue/distributed-app.js';
import type { Article } from '../src/core/types.js';
import type { ShowConfig } from '../src/config/show-config.js';

const ROOT = new URL('../', import.meta.url).pathname;
const DATE = new Date('2026-11-28T12:00:00Z');
const base = loadConfig();
const voiceFlag = process.argv.includes('--voice') ? process.argv[process.argv.indexOf('--voice') + 1] : undefined;

/** The example show, speaking with --voice when given. */
async function benchShow(): Promise<ShowConfig> {
  const show = await loadShowFile(join(ROOT, 'examples/show.json'));
  if (!voiceFlag) return show;
  const [provider, name] = [voiceFlag.slice(0, voiceFlag.indexOf(':')), voiceFlag.slice(voiceFlag.indexOf(':') + 1)];
  return { ...show, voice: { ...show.voice, provider, name } };
}

async function freshEnv(name: string) {
  const dir = await mkdtemp(join(tmpdir(), `bench-${name}-`));
  return {
    dir,
    env: {
      REDIS_URL: base.distributed.redisUrl,
      BRIEFCAST_QUEUE_PREFIX: `bench-${name}-${Date.now().toString(36)}`,
      BRIEFCAST_DATA_DIR: join(dir, 'data'),
      BRIEFCAST_PUBLISH_DIR: join(dir, 'published'),
      BRIEFCAST_CONCURRENCY: String(base.concurrency),
      LOG_LEVEL: 'warn',
    } as Record<string, string>,
  };
}

/** Starts a worker process; with `core`, pinned to that core by taskset (which execs, so the pid is the worker's). */
function startWorker(env: Record<string, string>, core?: number): Promise<ChildProcess> {
  const node = [process.execPath, '--import', 'tsx', join(ROOT, 'workers/main.ts')];
  const [command, ...args] = core === undefined ? node : ['taskset', '-c', String(core), ...node];
  const child = spawn(command!, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      if (out.includes('"workers ready"')) { clearInterval(poll); resolve(child); }
      if (child.exitCode !== null) { clearInterval(poll); reject(new Error(out)); }
    }, 50);
  });
}

/** CPU seconds used by the process and the children it waited for (espeak-ng, ffmpeg). */
async function cpuSeconds(child: ChildProcess): Promise<number> {
  const fields = (await readFile(`/proc/${child.pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  // utime, stime, cutime, cstime are fields 14-17 of stat; index 11-14 after the command name.
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / 100;
}

async function peakRssMb(child: ChildProcess): Promise<number> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function stopWorker(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

/** Enqueues the episodes, starts `workers` processes, returns seconds until all are published, and each worker's peak memory. */
async function runQueued(name: string, workers: number, episodes: Article[][], workerConcurrency?: number, pinned = false) {
  const { dir, env } = await freshEnv(name);
  if (workerConcurrency) env.BRIEFCAST_CONCURRENCY = String(workerConcurrency);
  const distributed = createDistributedApp(loadConfig(env), { logger: silentLogger() });
  const show = await benchShow();
  try {
    const children = await Promise.all(Array.from({ length: workers }, (_, i) => startWorker(env, pinned ? i : undefined)));
    const started = performance.now();
    const refs = [];
    for (const [i, articles] of episodes.entries()) {
      const { record } = await distributed.episodes.submit({ show, articles, date: new Date(DATE.getTime() + i * 86_400_000) });
      refs.push({ showId: show.id, episodeId: record.id });
    }
    for (const ref of refs) {
      const record = await distributed.episodes.finished(ref);
      if (record.status !== 'published') throw new Error(`${ref.episodeId}: ${record.status} ${record.error?.message}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const memory = await Promise.all(children.map(peakRssMb));
    const cpu = (await Promise.all(children.map(cpuSeconds))).reduce((a, b) => a + b, 0);
    await Promise.all(children.map(stopWorker));
    const prefix = env.BRIEFCAST_QUEUE_PREFIX!;
    const keys = await distributed.queues.connection.keys(`${prefix}:*`);
    if (keys.length) await distributed.queues.connection.del(...keys);
    return { seconds, memory, coresBusy: cpu / seconds };
  } finally {
    await distributed.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function runEmbedded(articles: Article[]) {
  const { dir, env } = await freshEnv('embedded');
  const app = createApp(loadConfig(env), { logger: silentLogger() });
  const show = await benchShow();
  try {
    const started = performance.now();
    await buildFromArticles(app.ctx, show, articles, { date: DATE });
    return (performance.now() - started) / 1000;
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const files = (await readdir(join(ROOT, 'examples'))).filter((f) => /^\d\d-/.test(f)).sort().map((f) => join(ROOT, 'examples', f));
const articles = await ingestAndClean(files, base.ingest, () => {});
console.log(`articles: ${articles.length}, cores: ${base.concurrency}`);

// Other work on a shared machine makes single runs noisy: each figure is the faster of two runs, taken in A B B A order.
const once = process.argv.includes('--once');
const best = <T extends { seconds: number }>(a: T, b?: T) => (!b || a.seconds <= b.seconds ? a : b);
const embeddedRun = async () => ({ seconds: await runEmbedded(articles) });
const e1 = await embeddedRun();
const q1 = await runQueued('overhead', 1, [articles]);
const q2 = once ? undefined : await runQueued('overhead', 1, [articles]);
const e2 = once ? undefined : await embeddedRun();
const embedded = best(e1, e2).seconds;
const queued = best(q1, q2);
await sleep(500);
const episodes = articles.map((a) => [a]);
const scaleOut = async (pinned: boolean) => {
  const o1 = await runQueued('one', 1, episodes, 1, pinned);
  const t1 = await runQueued('two', 2, episodes, 1, pinned);
  const t2 = once ? undefined : await runQueued('two', 2, episodes, 1, pinned);
  const o2 = once ? undefined : await runQueued('one', 1, episodes, 1, pinned);
  return { one: best(o1, o2), two: best(t1, t2) };
};
const unpinned = await scaleOut(false);
const pinned = await scaleOut(true);

const fmt = (n: number) => n.toFixed(2);
console.log('\n| measure | A | B | ratio |');
console.log('|---|---|---|---|');
console.log(`| 8-article episode: embedded vs queued (1 worker) | ${fmt(embedded)} s | ${fmt(queued.seconds)} s | overhead ${fmt(queued.seconds / embedded)} (goal <= 1.10) |`);
console.log(`| 8 episodes, pinned: 1 worker on core 0 vs 2 workers on cores 0 and 1 | ${fmt(pinned.one.seconds)} s | ${fmt(pinned.two.seconds)} s | throughput ${fmt(pinned.one.seconds / pinned.two.seconds)} (goal >= 1.8) |`);
console.log(`| 8 episodes, unpinned: 1 worker vs 2 workers (1 job per queue per worker) | ${fmt(unpinned.one.seconds)} s | ${fmt(unpinned.two.seconds)} s | throughput ${fmt(unpinned.one.seconds / unpinned.two.seconds)} |`);
console.log(`\npeak RSS per worker process (MB): overhead run ${queued.memory.map(fmt).join(', ')}; pinned 1-worker ${pinned.one.memory.map(fmt).join(', ')}; pinned 2-worker ${pinned.two.memory.map(fmt).join(', ')}; unpinned 2-worker ${unpinned.two.memory.map(fmt).join(', ')}`);
console.log(`cores kept busy (CPU s incl. espeak-ng/ffmpeg children / wall s): pinned 1 worker ${fmt(pinned.one.coresBusy)}, 2 workers ${fmt(pinned.two.coresBusy)}; unpinned 1 worker ${fmt(unpinned.one.coresBusy)}, 2 workers ${fmt(unpinned.two.coresBusy)}`);
process.exit(0);
