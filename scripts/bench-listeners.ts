/**
 * Benchmark of personal listener feeds (docs/listeners.md), side by side in one run:
 *   - one cold shared episode from a pool of S short news stories (real eSpeak NG, real ffmpeg);
 *   - building N listener episode records from that pool (each listener follows 3-5 topics);
 *   - syntheses, storage written per listener per day;
 *   - serving: 100 concurrent 64 KB range requests over loopback against virtual enclosures and
 *     against the stitched show MP3, both from the same built-in server;
 *   - feed.xml response time for unknown, revoked (rotated away) and valid tokens, one request at a time,
 *     interleaved, medians side by side (each token asked once, so valid ones are not memoised).
 * Usage: npx tsx scripts/bench-listeners.ts [--listeners 10000] [--stories 40] [--requests 4000] [--token-samples 300]
 * Reads articles from /work/shared/data/news/cnndm_validation_1000.jsonl (or --articles FILE).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { createProducerServices } from '../src/producer.js';
import { loadConfig } from '../src/config/env.js';
import { showConfigSchema } from '../src/config/show-config.js';
import { silentLogger } from '../src/core/logger.js';
import { contentHash } from '../src/core/hash.js';
import type { Article } from '../src/core/types.js';
import { buildFromArticles } from '../src/pipeline/build-now.js';
import { buildListenerEpisodes } from '../src/listeners/build-listener-episodes.js';
import { ListenerStore } from '../src/listeners/listener-store.js';
import { listenerKeys } from '../src/listeners/listener-keys.js';
import { createServer } from '../src/server/create-server.js';

const arg = (name: string, fallback: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1]! : fallback);
const LISTENERS = Number(arg('listeners', '10000'));
const STORIES = Number(arg('stories', '40'));
const REQUESTS = Number(arg('requests', '4000'));
const ARTICLES = arg('articles', '/work/shared/data/news/cnndm_validation_1000.jsonl');
const TOKEN_SAMPLES = Number(arg('token-samples', '300'));
const CONCURRENCY = 100;
const RANGE_BYTES = 64 * 1024;
const NAMES = ['Ana', 'Bo', 'Chen', 'Dara', 'Eli', 'Femi', 'Gus', 'Hana', 'Ines', 'Jon', 'Kai', 'Lea', 'Mo', 'Nia', 'Oli', 'Pia', 'Quin', 'Rui', 'Sam', 'Tess'];

/** Short articles: a headline from the first sentence and two or three sentences of body. */
async function poolArticles(): Promise<Article[]> {
  const lines = (await readFile(ARTICLES, 'utf8')).split('\n').filter(Boolean).slice(0, STORIES);
  return lines.map((line, index) => {
    const { article } = JSON.parse(line) as { article: string };
    const sentences = article.replace(/^.*?\(CNN\)\s*(--)?\s*/, '').split(/(?<=[.!?])\s+/).filter((s) => s.length > 30).slice(0, 3);
    const title = sentences[0]!.split(/\s+/).slice(0, 9).join(' ').replace(/[,.;:]$/, '');
    return { id: contentHash(`${index}:${article}`, 16), title, text: sentences.join(' '), source: `https://news${index % 4}.example.com/${index}`, url: `https://news${index % 4}.example.com/${index}`, siteName: `News ${index % 4}`, priority: 0 };
  });
}

/** Topic words: the longer words of the headlines, so every topic matches at least one story. */
function topicVocabulary(articles: Article[]): string[] {
  const words = articles.flatMap((article) => article.title.toLowerCase().match(/[a-z]{6,}/g) ?? []);
  return [...new Set(words)];
}

async function load(urls: string[], headers: (i: number) => Record<string, string>): Promise<{ seconds: number; requests: number; bytes: number; failures: number }> {
  let next = 0;
  let bytes = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + 120_000;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < REQUESTS && performance.now() < deadline) {
      const i = next++;
      const response = await fetch(urls[i % urls.length]!, { headers: headers(i), signal: AbortSignal.timeout(30_000) });
      const body = new Uint8Array(await response.arrayBuffer());
      if (response.status !== 206) failures += 1;
      bytes += body.length;
    }
  }));
  return { seconds: (performance.now() - started) / 1000, requests: next, bytes, failures };
}

const root = await mkdtemp(join(tmpdir(), 'bench-listeners-'));
try {
  const config = loadConfig({ BRIEFCAST_DATA_DIR: join(root, 'data'), BRIEFCAST_PUBLISH_DIR: join(root, 'published'), BRIEFCAST_PUBLIC_URL: 'http://127.0.0.1:1', BRIEFCAST_SCHEDULES: 'false', BRIEFCAST_LISTENER_REQUESTS_PER_MINUTE: '100000' });
  const app = createApp(config, { logger: silentLogger() });
  const show = showConfigSchema.parse({ id: 'bench', title: 'Bench Daily', description: 'Benchmark show', author: 'Bench', language: 'en', category: 'News', targetMinutes: 60 });
  const articles = await poolArticles();

  let t = performance.now();
  const record = await buildFromArticles(app.ctx, show, articles, { date: new Date('2026-12-01T12:00:00Z'), episodeId: 'pool' });
  const sharedSeconds = (performance.now() - t) / 1000;
  const stories = record.segments.filter((segment) => segment.kind === 'story').length;
  const poolSyntheses = record.segments.filter((segment) => !segment.cached).length;

  const store = new ListenerStore(app.ctx.work);
  const vocabulary = topicVocabulary(articles);
  const tokens: string[] = [];
  const ids: string[] = [];
  t = performance.now();
  for (let i = 0; i < LISTENERS; i++) {
    const count = 3 + (i % 3);
    const topics = Array.from({ length: count }, (_, k) => vocabulary[(i * 7 + k * 13) % vocabulary.length]!);
    const { token, listener } = await store.add(show.id, { name: NAMES[i % NAMES.length]!, follows: { topics }, targetMinutes: 3 + (i % 5) });
    tokens.push(token);
    ids.push(listener.id);
  }
  const addSeconds = (performance.now() - t) / 1000;

  const listeners = await store.list(show.id);
  t = performance.now();
  let built = 0;
  let skipped = 0;
  let listenerSyntheses = 0;
  for (let start = 0; start < listeners.length; start += 500) {
    const summary = await buildListenerEpisodes(app.ctx, show, 'pool', listeners.slice(start, start + 500), { keep: 10 });
    built += summary.built;
    skipped += summary.skipped;
    listenerSyntheses += summary.syntheses;
  }
  const buildSeconds = (performance.now() - t) / 1000;
  let recordBytes = 0;
  for (const listener of listeners) {
    const info = await app.ctx.work.head(listenerKeys.episode(show.id, listener.id, record.date));
    recordBytes += info?.size ?? 0;
  }

  // The last listeners' tokens are rotated away: their old tokens are the revoked ones.
  const samples = Math.min(TOKEN_SAMPLES, Math.floor(LISTENERS / 2));
  const revoked = tokens.slice(LISTENERS - samples);
  for (const id of ids.slice(LISTENERS - samples)) await store.rotate(show.id, id);

  const services = await createProducerServices(app);
  const server = await createServer({ publishDir: config.publishDir, api: services.api });
  const base = await server.listen({ host: '127.0.0.1', port: 0 });
  const episodeUrls = tokens.slice(0, 1000).map((token) => `${base}/l/${token}/${record.date}.mp3`);
  const withEpisode: string[] = [];
  for (const url of episodeUrls) if ((await fetch(url, { method: 'HEAD' })).status === 200) withEpisode.push(url);
  const sizes = new Map<string, number>();
  for (const url of withEpisode.slice(0, 200)) sizes.set(url, Number((await fetch(url, { method: 'HEAD' })).headers.get('content-length')));
  const virtualUrls = [...sizes.keys()];
  const stitchedUrl = `${base}/${record.audio!.key}`;
  const stitchedSize = (await stat(join(config.publishDir, ...record.audio!.key.split('/')))).size;
  const range = (size: number, i: number) => {
    const start = (i * 7919 * 1024) % Math.max(1, size - RANGE_BYTES);
    return { range: `bytes=${start}-${start + RANGE_BYTES - 1}` };
  };
  // Alternating rounds, so a change in the machine's load hits both sides alike; medians reported.
  const stitchedRuns: Array<Awaited<ReturnType<typeof load>>> = [];
  const virtualRuns: Array<Awaited<ReturnType<typeof load>>> = [];
  for (let round = 0; round < 3; round++) {
    stitchedRuns.push(await load([stitchedUrl], (i) => range(stitchedSize, i)));
    virtualRuns.push(await load(virtualUrls, (i) => range(sizes.get(virtualUrls[i % virtualUrls.length]!)!, i)));
  }
  const timings: Record<'unknown' | 'revoked' | 'valid', number[]> = { unknown: [], revoked: [], valid: [] };
  const kinds = Object.keys(timings) as Array<keyof typeof timings>;
  const tokenStatus: Record<string, Set<number>> = { unknown: new Set(), revoked: new Set(), valid: new Set() };
  for (let i = 0; i < samples; i++) {
    const picked = { unknown: randomBytes(32).toString('base64url'), revoked: revoked[i]!, valid: tokens[i]! };
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(i + k) % kinds.length]!;
      const started = performance.now();
      const response = await fetch(`${base}/l/${picked[kind]}/feed.xml`);
      await response.arrayBuffer();
      timings[kind].push(performance.now() - started);
      tokenStatus[kind]!.add(response.status);
    }
  }
  await server.close();
  await services.close();
  await app.close();

  const rps = (r: { seconds: number; requests: number }) => r.requests / r.seconds;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const stitchedRps = median(stitchedRuns.map(rps));
  const virtualRps = median(virtualRuns.map(rps));
  const failures = (runs: typeof stitchedRuns) => runs.reduce((sum, run) => sum + run.failures, 0);
  const roundRatios = virtualRuns.map((run, i) => (rps(run) / rps(stitchedRuns[i]!)).toFixed(2)).join(', ');
  const rows: Array<[string, string]> = [
    ['stories in the pool', `${stories}`],
    ['listeners (built / no match)', `${LISTENERS} (${built} / ${skipped})`],
    ['syntheses: pool + listener parts', `${poolSyntheses} + ${listenerSyntheses} = ${poolSyntheses + listenerSyntheses} (stories ${stories} + distinct greetings ${Math.min(NAMES.length, LISTENERS)} + personal intro/outro 2)`],
    ['one cold shared episode', `${sharedSeconds.toFixed(1)} s`],
    [`build ${LISTENERS} listener records`, `${buildSeconds.toFixed(1)} s (${(buildSeconds / sharedSeconds).toFixed(2)}x the shared episode; ${((buildSeconds * 1000) / LISTENERS).toFixed(2)} ms per listener)`],
    ['add listeners (not timed in the ratio)', `${addSeconds.toFixed(1)} s`],
    ['storage per listener per day', `${(recordBytes / Math.max(1, built) / 1024).toFixed(2)} KB (one record)`],
    ['serving, stitched MP3 (median of 3 rounds)', `${stitchedRps.toFixed(0)} req/s (${failures(stitchedRuns)} non-206)`],
    ['serving, virtual enclosures (median of 3 rounds)', `${virtualRps.toFixed(0)} req/s (${failures(virtualRuns)} non-206), ${(virtualRps / stitchedRps).toFixed(2)}x stitched (rounds: ${roundRatios})`],
    ...kinds.map((kind): [string, string] => [
      `feed.xml, ${kind} token (median of ${samples})`,
      `${median(timings[kind]).toFixed(2)} ms (status ${[...tokenStatus[kind]!].join('/')}; p90 ${[...timings[kind]].sort((a, b) => a - b)[Math.floor(samples * 0.9)]!.toFixed(2)} ms)`,
    ]),
  ];
  console.log(`| bench-listeners (${CONCURRENCY} concurrent 64 KB ranges, ${REQUESTS} requests each) | |\n|---|---|`);
  for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
} finally {
  await rm(root, { recursive: true, force: true });
}
