/**
 * Fault benchmark (not a test): 20 short episodes through 2 worker processes on
 * loopback, with a private redis-server (AOF on, its own port and folder),
 * s3rver in this process, the OpenAI provider pointed at a stand-in that
 * answers 30% of requests with 503, 429 or a timeout, and a webhook receiver.
 * Injected while the episodes run, each when its target step is observed in an
 * episode record: SIGKILL of the worker running a synthesis job, SIGKILL of the
 * worker running a stitch job, Redis stopped for 10 s, S3 unreachable for 30 s
 * during a publish. Prints, per fault, the step it hit and how the episodes in
 * flight then ended, and the run's totals.
 * Needs redis-server on PATH. Run: npx tsx scripts/bench-faults.ts [--episodes 20] [--max-minutes 15] [--short-locks]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { connect, createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/config/env.js';
import { showConfigSchema } from '../src/config/show-config.js';
import { silentLogger } from '../src/core/logger.js';
import type { EpisodeRecord } from '../src/core/episode.js';
import { ingestText } from '../src/ingest/ingest-text.js';
import { cleanArticle } from '../src/clean/index.js';
import { EpisodeStore } from '../src/pipeline/episode-store.js';
import { createProducerServices } from '../src/producer.js';
import { createDistributedApp } from '../src/queue/distributed-app.js';
import { allQueueNames } from '../src/queue/job-types.js';
import { publicKeys } from '../src/storage/keys.js';
import { createEspeakProvider } from '../src/tts/providers/espeak.js';

const ROOT = new URL('../', import.meta.url).pathname;
const { values: args } = parseArgs({ options: { episodes: { type: 'string', default: '20' }, 'max-minutes': { type: 'string', default: '15' }, 'short-locks': { type: 'boolean', default: false } } });
const EPISODES = Number(args.episodes);
const DEADLINE = Date.now() + Number(args['max-minutes']) * 60_000;
const SHOW = 'faults';
const log = (line: string) => console.log(`[${((Date.now() - T0) / 1000).toFixed(1).padStart(6)} s] ${line}`);
const T0 = Date.now();

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

// --- a private redis-server, AOF on, that can be stopped and started again on the same port and folder.
const redisDir = await mkdtemp(join(tmpdir(), 'bench-faults-redis-'));
const redisPort = await freePort();
let redisProcess: ChildProcess | undefined;
async function startRedis(): Promise<void> {
  redisProcess = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', redisDir, '--appendonly', 'yes', '--save', '', '--protected-mode', 'yes'], { stdio: 'ignore' });
  for (;;) {
    const probe = new Redis({ port: redisPort, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    const up = await probe.connect().then(() => probe.ping()).then(() => true, () => false);
    probe.disconnect();
    if (up) return;
    await sleep(100);
  }
}
/** SHUTDOWN as an operator's restart does it: Redis writes the AOF and exits. */
async function stopRedis(): Promise<void> {
  const exited = new Promise((resolve) => redisProcess!.once('exit', resolve));
  const admin = new Redis({ port: redisPort, host: '127.0.0.1', maxRetriesPerRequest: 0 });
  await admin.call('SHUTDOWN').catch(() => undefined);
  admin.disconnect();
  await exited;
}

// --- s3rver in this process, behind a loopback TCP proxy: the outage closes the proxy and drops every
// connection at once (closing s3rver itself waits for keep-alive connections to end, so it never goes down).
type S3rverInstance = { run(): Promise<AddressInfo>; close(): Promise<void> };
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;
const s3Dir = await mkdtemp(join(tmpdir(), 'bench-faults-s3-'));
const s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: 'faults', configs: [] }] });
const s3Upstream = (await s3.run()).port;
const s3Port = await freePort();
const s3Sockets = new Set<Socket>();
let s3Proxy: NetServer | undefined;
async function startS3(): Promise<void> {
  s3Proxy = createNetServer((client) => {
    const upstream = connect(s3Upstream, '127.0.0.1');
    for (const socket of [client, upstream]) {
      s3Sockets.add(socket);
      socket.on('close', () => s3Sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => s3Proxy!.listen(s3Port, '127.0.0.1', resolve));
}
function stopS3(): void {
  s3Proxy?.close();
  for (const socket of s3Sockets) socket.destroy();
}

// --- the TTS stand-in: OpenAI's POST /v1/audio/speech; 70% audio, 12% 503, 10% 429, 8% no answer until the client times out.
const clip = await (async () => {
  const espeak = await createEspeakProvider({ engine: 'auto', threads: 1 });
  try {
    return (await espeak.synthesize({ text: 'This is a short test clip of speech.', voice: 'en-us', speed: 1 })).audio;
  } finally {
    await espeak.close?.();
  }
})();
const tts = { ok: 0, unavailable: 0, limited: 0, timeouts: 0 };
const ttsServer = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const roll = Math.random();
    if (roll < 0.12) {
      tts.unavailable++;
      response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'The server is overloaded', type: 'server_error', param: null, code: null } }));
    } else if (roll < 0.22) {
      tts.limited++;
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' }).end(JSON.stringify({ error: { message: 'Rate limit reached', type: 'requests', param: null, code: 'rate_limit_exceeded' } }));
    } else if (roll < 0.3) {
      tts.timeouts++;
      setTimeout(() => response.destroy(), 8_000);
    } else {
      tts.ok++;
      setTimeout(() => response.writeHead(200, { 'content-type': 'audio/wav' }).end(Buffer.from(clip)), 150 + Math.random() * 350);
    }
  });
});
const ttsPort = await listen(ttsServer);

// --- the webhook receiver: every POST with its event, delivery id and episode.
const deliveries: Array<{ event: string; id: string; episodeId: string }> = [];
const hookServer = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (c: Buffer) => chunks.push(c));
  request.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { episode?: { id?: string } };
    deliveries.push({ event: String(request.headers['briefcast-event']), id: String(request.headers['briefcast-delivery']), episodeId: body.episode?.id ?? '?' });
    response.writeHead(204).end();
  });
});
const hookPort = await listen(hookServer);

await startRedis();
await startS3();
const prefix = `faults-${Date.now().toString(36)}`;
const env: Record<string, string> = {
  REDIS_URL: `redis://127.0.0.1:${redisPort}`,
  BRIEFCAST_QUEUE_PREFIX: prefix,
  BRIEFCAST_STORAGE: 's3',
  S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
  S3_BUCKET: 'faults',
  S3_FORCE_PATH_STYLE: 'true',
  S3_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  OPENAI_BASE_URL: `http://127.0.0.1:${ttsPort}/v1`,
  BRIEFCAST_OPENAI_TTS_FORMAT: 'wav',
  BRIEFCAST_OPENAI_TTS_TIMEOUT_MS: '3000',
  BRIEFCAST_ALLOW_PRIVATE_URLS: 'true',
  BRIEFCAST_RUNNER: 'distributed',
  BRIEFCAST_CONCURRENCY: '2',
  // Job locks, stall checks and retries at their production defaults (--short-locks: the distributed tests' 5 s / 2 s).
  ...(args['short-locks'] ? { BRIEFCAST_JOB_LOCK_MS: '5000', BRIEFCAST_STALLED_INTERVAL_MS: '2000' } : {}),
  LOG_LEVEL: 'info',
};
const dirs = [redisDir, s3Dir];
const producerDir = await mkdtemp(join(tmpdir(), 'bench-faults-producer-'));
dirs.push(producerDir);
const distributed = createDistributedApp(loadConfig({ ...env, BRIEFCAST_DATA_DIR: producerDir }), { logger: silentLogger() });
const services = await createProducerServices(distributed.app, distributed);
const store = new EpisodeStore(distributed.app.ctx.work);
// While Redis is down every producer connection reports each reconnect attempt; count them instead of printing them.
let producerRedisErrors = 0;
for (const queue of Object.values(distributed.queues.queues)) queue.on('error', () => producerRedisErrors++);

// --- worker processes: the production entry point, workers/main.ts.
interface WorkerProcess { child: ChildProcess; pid: number; output: () => string }
const workers: WorkerProcess[] = [];
async function startWorker(): Promise<WorkerProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-faults-worker-'));
  dirs.push(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'workers/main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env, BRIEFCAST_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  while (!out.includes('"workers ready"')) {
    if (child.exitCode !== null) throw new Error(`worker exited during start-up:\n${out}`);
    await sleep(100);
  }
  const handle = { child, pid: child.pid!, output: () => out };
  workers.push(handle);
  return handle;
}
await Promise.all([startWorker(), startWorker()]);

// --- the show and its episodes: short articles from the CNN/DailyMail sample.
const show = showConfigSchema.parse({
  id: SHOW,
  title: 'Fault Briefing',
  description: 'Episodes made while things break.',
  author: 'Briefcast',
  language: 'en',
  category: 'News',
  owner: { name: 'Bench', email: 'bench@example.com' },
  voice: { provider: 'openai', name: 'alloy' },
  webhooks: { endpoints: [{ url: `http://127.0.0.1:${hookPort}/hook` }], secret: 'bench-faults-webhook-secret' },
});
await store.saveShow(show);
const stories = readFileSync('/work/shared/data/news/cnndm_validation_1000.jsonl', 'utf8').split('\n').filter(Boolean).slice(0, EPISODES).map((line) => JSON.parse(line) as { article: string });
const DATE = Date.UTC(2026, 0, 1, 12);
const ids: string[] = [];
for (const [i, story] of stories.entries()) {
  const text = story.article.replace(/^\(CNN\)/, '').split(/(?<=\.)\s+/).slice(0, 4).join(' ');
  const article = cleanArticle(ingestText(`Story ${i + 1}\n\n${text}`, `bench-${i}.txt`));
  const { record } = await services.runner.submit({ show, articles: [article], date: new Date(DATE + i * 86_400_000) });
  ids.push(record.id);
}
log(`submitted ${ids.length} episodes; workers ${workers.map((w) => w.pid).join(', ')}; tts stand-in :${ttsPort}, webhooks :${hookPort}, redis :${redisPort}, s3 :${s3Port}`);

const FINAL = new Set(['published', 'failed', 'draft']);
const records = async () => {
  const all = await Promise.all(ids.map((id) => store.findEpisode(SHOW, id).catch(() => undefined)));
  return all.filter((r): r is EpisodeRecord => Boolean(r));
};
const stepOf = (r: EpisodeRecord) => (r.progress ? `${r.status} ${r.progress.done}/${r.progress.total}` : r.status);
/** Which worker process runs an active job on `queue` for an in-flight episode in `status`. */
async function activeJob(queue: 'synthesise' | 'stitch', status: EpisodeRecord['status']) {
  const until = Date.now() + STEP_WAIT_MS;
  for (;;) {
    if (Date.now() > until) return undefined;
    const inStep = new Map((await records()).filter((r) => r.status === status).map((r) => [r.id, r]));
    for (const job of await distributed.queues.queues[queue].getActive()) {
      const record = inStep.get((job.data as { episodeId: string }).episodeId);
      const pid = Number(String(job.processedBy ?? '').split(':').pop());
      const worker = workers.find((w) => w.pid === pid && w.child.exitCode === null && w.child.signalCode === null);
      // Mid-synthesis means some segments done and some not: a kill between jobs does not count.
      if (record && worker && (status !== 'synthesising' || (record.progress && record.progress.done < record.progress.total))) return { record, worker, job };
    }
    await sleep(50);
  }
}

const settledAt = new Map<string, number>();
let watching = true;
void (async () => {
  while (watching) {
    for (const r of await records().catch(() => [])) if (FINAL.has(r.status) && !settledAt.has(r.id)) settledAt.set(r.id, Date.now());
    await sleep(250);
  }
})();
/** Each fault waits this long for its target step, then is recorded as not hit. */
const STEP_WAIT_MS = 120_000;

interface Fault { name: string; target: string; hit: string; hitTarget: boolean; affected: string[]; injectedAt: number; endedAt: number; episode?: string }
const faults: Fault[] = [];
const inFlight = async () => (await records()).filter((r) => !FINAL.has(r.status)).map((r) => r.id);

async function killWorker(name: string, queue: 'synthesise' | 'stitch', status: EpisodeRecord['status']): Promise<void> {
  const found = await activeJob(queue, status);
  if (!found) {
    faults.push({ name, target: status, hit: `no ${queue} job seen running in ${STEP_WAIT_MS / 1000} s`, hitTarget: false, affected: [], injectedAt: Date.now(), endedAt: Date.now() });
    return;
  }
  const { record, worker } = found;
  const affected = await inFlight();
  const at = Date.now();
  worker.child.kill('SIGKILL');
  // The step read back right after the kill: the job must still have been in it.
  const after = await store.findEpisode(SHOW, record.id);
  faults.push({ name, target: status, hit: `${record.id}: ${stepOf(record)} (after kill: ${after ? stepOf(after) : '?'})`, hitTarget: record.status === status, affected, injectedAt: at, endedAt: at, episode: record.id });
  log(`${name}: killed worker ${worker.pid} while ${record.id} was ${stepOf(record)}`);
  await startWorker();
}

async function waitForStatus(status: EpisodeRecord['status']): Promise<EpisodeRecord | undefined> {
  const until = Date.now() + STEP_WAIT_MS;
  for (;;) {
    if (Date.now() > until) return undefined;
    const found = (await records()).find((r) => r.status === status);
    if (found) return found;
    await sleep(50);
  }
}

try {
  await killWorker('SIGKILL mid-synthesis', 'synthesise', 'synthesising');
  await killWorker('SIGKILL mid-stitch', 'stitch', 'stitching');
  {
    const steps = (await records()).filter((r) => !FINAL.has(r.status));
    const at = Date.now();
    await stopRedis();
    log(`Redis stopped with ${steps.length} episodes in flight: ${steps.map(stepOf).join(', ')}`);
    await sleep(10_000);
    await startRedis();
    faults.push({ name: 'Redis stopped 10 s', target: 'any in-flight step', hit: steps.map(stepOf).join(', ') || 'nothing in flight', hitTarget: steps.length > 0, affected: steps.map((r) => r.id), injectedAt: at, endedAt: Date.now() });
    log('Redis back');
  }
  {
    const publishing = await waitForStatus('publishing');
    if (!publishing) throw new Error(`no episode seen publishing in ${STEP_WAIT_MS / 1000} s`);
    const affected = await inFlight();
    const at = Date.now();
    stopS3();
    log(`S3 unreachable while ${publishing.id} was ${stepOf(publishing)}`);
    await sleep(30_000);
    await startS3();
    faults.push({ name: 'S3 unreachable 30 s', target: 'publishing', hit: `${publishing.id}: ${stepOf(publishing)}`, hitTarget: true, affected, injectedAt: at, endedAt: Date.now(), episode: publishing.id });
    log('S3 back');
  }
} catch (error) {
  log(`injection stopped: ${(error as Error).message}`);
}

// --- let everything settle, then count.
let final: EpisodeRecord[] = [];
let idleSince = Date.now();
for (;;) {
  final = await records().catch(() => final);
  const counts = await Promise.all(allQueueNames.map((q) => distributed.queues.queues[q].getJobCounts('active', 'waiting', 'delayed', 'prioritized', 'waiting-children')));
  const open = counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
  if ((final.length === ids.length && final.every((r) => FINAL.has(r.status)) && open === 0) || Date.now() > DEADLINE) break;
  // No job left to run for 20 s while episodes are unfinished: nothing will move them any more.
  if (open > 0) idleSince = Date.now();
  else if (Date.now() - idleSince > 20_000) break;
  await sleep(250);
}
await sleep(5_000); // the last webhooks
watching = false;
const counts = await Promise.all(allQueueNames.map(async (q) => [q, await distributed.queues.queues[q].getJobCounts('active', 'waiting', 'delayed', 'prioritized', 'waiting-children')] as const));
const stuckJobs = counts.reduce((sum, [, c]) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);

const feed = new TextDecoder().decode(await distributed.app.ctx.publish.get(publicKeys.feed(SHOW)));
const guids = [...feed.matchAll(/<guid[^>]*>([^<]+)<\/guid>/g)].map((m) => m[1]!);
const items = feed.split('<item>').slice(1);
const itemsPer = new Map<string, number>();
for (const id of ids) itemsPer.set(id, items.filter((item) => item.includes(`/episodes/${id}/`)).length);
const urls = [...new Set([...feed.matchAll(/(?:url|href)="([^"]+\/shows\/[^"]+)"/g)].map((m) => m[1]!))];
const dangling: string[] = [];
for (const url of urls) {
  const key = decodeURIComponent(url.slice(url.indexOf('shows/')));
  if (!(await distributed.app.ctx.publish.head(key))) dangling.push(key);
}
const deliveryIds = (id: string, event: string) => new Set(deliveries.filter((d) => d.episodeId === id && d.event === event).map((d) => d.id)).size;

interface Tally { published: number; once: number; duplicates: number; failed: number; notFinal: number; oneDelivery: number; recoverS: number }
/** `recoverS`: from the end of the fault until the last of `subset` (or just `target`) finished. */
function tally(subset: string[], from: number, target?: string): Tally {
  const t: Tally = { published: 0, once: 0, duplicates: 0, failed: 0, notFinal: 0, oneDelivery: 0, recoverS: 0 };
  for (const id of subset) {
    const r = final.find((x) => x.id === id);
    const n = itemsPer.get(id) ?? 0;
    const events = r?.status === 'published' ? deliveryIds(id, 'episode.published') : r?.status === 'failed' ? deliveryIds(id, 'episode.failed') : 0;
    if (r?.status === 'published') t.published++;
    if (r?.status === 'published' && n === 1) t.once++;
    if (n > 1 || events > 1) t.duplicates++;
    if (r?.status === 'failed') t.failed++;
    if (!r || !FINAL.has(r.status)) t.notFinal++;
    if (events === 1) t.oneDelivery++;
    if (!target || id === target) t.recoverS = Math.max(t.recoverS, ((settledAt.get(id) ?? Date.now()) - from) / 1000);
  }
  return t;
}

console.log(`\nTTS stand-in answers: ${tts.ok} audio, ${tts.unavailable} 503, ${tts.limited} 429, ${tts.timeouts} timeouts (${(((tts.unavailable + tts.limited + tts.timeouts) / Math.max(1, tts.ok + tts.unavailable + tts.limited + tts.timeouts)) * 100).toFixed(0)}% misbehaved)`);
console.log(`webhook deliveries received: ${deliveries.length} (${new Set(deliveries.map((d) => d.id)).size} distinct delivery ids)`);
console.log(`feed: ${items.length} items, ${new Set(guids).size} distinct guids, ${urls.length} file URLs checked, ${dangling.length} dangling${dangling.length ? `: ${dangling.join(', ')}` : ''}`);
console.log(`jobs left in the queues: ${stuckJobs} ${counts.filter(([, c]) => Object.values(c).some(Boolean)).map(([q, c]) => `${q} ${JSON.stringify(c)}`).join('; ')}`);
for (const q of allQueueNames) {
  for (const job of await distributed.queues.queues[q].getFailed()) console.log(`failed job: ${q} ${job.name} ${(job.data as { episodeId: string }).episodeId} after ${job.attemptsMade} attempts: ${job.failedReason}`);
}
for (const r of final.filter((x) => x.status !== 'published')) console.log(`not published: ${r.id} ${stepOf(r)} ${r.error ? `${r.error.code}: ${r.error.message}` : ''}`);
console.log('\nTime to recover: from the end of the fault (kill, Redis back, S3 back) until the episode it hit finished (for Redis: the last episode in flight).');
console.log('| fault | target step | hit target | step observed at injection | episodes in flight | published exactly once | duplicates | failed | stuck | one delivery id per event | time to recover (s) |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const f of faults) {
  const t = tally(f.affected, f.endedAt, f.episode);
  console.log(`| ${f.name} | ${f.target} | ${f.hitTarget ? 'yes' : 'no'} | ${f.hit} | ${f.affected.length} | ${t.once}/${f.affected.length} | ${t.duplicates} | ${t.failed} | ${t.notFinal} | ${t.oneDelivery}/${f.affected.length} | ${t.recoverS.toFixed(1)} |`);
}
const all = tally(ids, T0);
console.log(`| **all ${ids.length} episodes** (30% TTS faults throughout) | | ${faults.filter((f) => f.hitTarget).length}/${faults.length} faults | | ${ids.length} | ${all.once}/${ids.length} | ${all.duplicates} | ${all.failed} | ${all.notFinal} + ${stuckJobs} jobs | ${all.oneDelivery}/${ids.length} | ${all.recoverS.toFixed(1)} total |`);
console.log(`dangling feed references: ${dangling.length}; producer queue errors while Redis was down: ${producerRedisErrors}`);

await services.close().catch(() => undefined);
for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
await distributed.close().catch(() => undefined);
await stopRedis().catch(() => undefined);
stopS3();
void s3.close().catch(() => undefined);
ttsServer.closeAllConnections();
ttsServer.close();
hookServer.close();
await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
process.exit(0);
