/**
 * Benchmark of the embedded pipeline on the 8 example articles (about 5 minutes of audio), side by side in one run:
 *   (c) a naive sequential baseline of the same engine and the same resolved ffmpeg,
 *   (a) a cold build (empty cache, process start included),
 *   (b) a rebuild after one sentence in the middle of a story that is neither first nor last changed,
 * each in its own process under GNU time, for the system tools and (with --npm) the npm-only tools
 * (bundled eSpeak NG WebAssembly and the npm ffmpeg build). The variant is bundled to plain JavaScript
 * once, before anything is timed, so no variant pays for compiling TypeScript.
 * (e, f) a running process (as the API server): its first build, then, after a
 *   two-second pause, a rebuild after one more sentence changed, each timed inside that process;
 * With --long, also (d): one cold build of a 60-minute episode from 40 CNN/DailyMail validation articles
 * (read from ../shared/data/news, the benchmark's only use of it), its wall time against (a), and the peak
 * resident memory of the largest process in its tree (GNU time: Node or an ffmpeg or engine child).
 * Usage: npx tsx scripts/bench-pipeline.ts [--rounds N] [--voice provider:name] [--npm] [--long]
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { copyFile, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const exec = promisify(execFile);
const root = new URL('../', import.meta.url).pathname;
const flag = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const rounds = Number(flag('--rounds') ?? 1) || 1;
const voice = flag('--voice') ?? 'espeak:en-us';
const toolSets = process.argv.includes('--npm') ? ['system', 'npm'] : ['system'];

// Plain JavaScript beside the sources' relative files (the eSpeak WASM worker), packages left to node_modules.
const bundleDir = join(root, 'dist/bench');
const variant = join(bundleDir, 'pipeline-variant.mjs');
// Split into chunks so that lazily imported modules (vendor SDKs) stay lazy instead of being hoisted into the entry.
await rm(bundleDir, { recursive: true, force: true });
await build({
  entryPoints: { 'pipeline-variant': join(root, 'scripts/bench/pipeline-variant.ts'), 'offthread-worker': join(root, 'src/offthread/offthread-worker.ts'), 'script-worker': join(root, 'src/offthread/script-worker.ts') },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outdir: bundleDir,
  outExtension: { '.js': '.mjs' },
  logLevel: 'error',
});
await mkdir(bundleDir, { recursive: true });
await copyFile(join(root, 'src/tts/providers/espeak-wasm-worker.mjs'), join(bundleDir, 'espeak-wasm-worker.mjs'));

interface Result {
  segments: number;
  synthesised: number;
  file: string;
  seconds?: number;
  stories?: string[];
}
interface Measured {
  wall: number;
  cpu: number;
  peakMb: number;
  result: Result;
  loudness: { lufs: number; truePeak: number };
}

async function measure(mode: 'build' | 'naive', articles: string, work: string, tools: string, showFile = join(root, 'examples/show.json')): Promise<Measured> {
  const { stdout, stderr } = await exec(
    '/usr/bin/time',
    ['-f', 'TIME %e %U %S %M', process.execPath, variant, mode, articles, showFile, work, voice, tools],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  );
  const [, wall, user, sys, rssKb] = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr)!;
  const result = JSON.parse(stdout.trim().split('\n').pop()!) as Result;
  return { wall: Number(wall), cpu: Number(user) + Number(sys), peakMb: Number(rssKb) / 1024, result, loudness: await loudnessOf(result.file) };
}

/** Measured after the timed run, with Debian's ffmpeg, the same way for every variant. */
async function loudnessOf(file: string): Promise<Measured['loudness']> {
  const { stderr: ebur } = await exec('ffmpeg', ['-nostats', '-i', file, '-af', 'ebur128=peak=true:framelog=verbose', '-f', 'null', '-'], { maxBuffer: 64 * 1024 * 1024 });
  const summary = ebur.slice(ebur.lastIndexOf('Summary:'));
  return { lufs: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1]), truePeak: Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)![1]) };
}

/**
 * (e) A running process (what the API server is): one process builds the episode
 * (its first build, with nothing cached), waits two seconds (past the worker pool's idle timeout),
 * then rebuilds after one more sentence of the middle story changed. Each build is timed inside the
 * process: wall clock, and CPU of its threads plus the children it waited for; peak is the process's.
 */
async function measureRunningProcess(articles: string, work: string, tools: string): Promise<{ first: Measured; rebuild: Measured; changed: string }> {
  const child = spawn(process.execPath, [variant, 'warm', articles, join(root, 'examples/show.json'), work, voice, tools], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const build = async (): Promise<Measured> => {
    child.stdin.write('build\n');
    const { value } = await lines.next();
    const { wall, cpu, peakMb, ...result } = JSON.parse(value as string) as Result & { wall: number; cpu: number; peakMb: number };
    return { wall, cpu, peakMb, result, loudness: await loudnessOf(result.file) };
  };
  const first = await build();
  await sleep(2000);
  const changed = await changeOneStory(articles, first.result.stories ?? []);
  const rebuild = await build();
  child.stdin.end();
  await once(child, 'exit');
  return { first, rebuild, changed };
}

/** Changes one sentence in the middle of the story in the middle of the running order (so intro and order stay). */
async function changeOneStory(dir: string, stories: string[]): Promise<string> {
  const story = stories[Math.floor(stories.length / 2)]!;
  const sentences = story.split(/(?<=[.!?])\s+/).slice(1, -1);
  const files = (await readdir(dir)).filter((f) => /\.(txt|md|html)$/.test(f));
  for (const sentence of [...sentences.slice(Math.floor(sentences.length / 2)), ...sentences]) {
    const probe = sentence.slice(0, 40).replace(/\s*\S*$/, '');
    const edited = probe.replace(/ (\w+)$/, ' $1 also');
    if (edited === probe) continue;
    for (const name of files) {
      const path = join(dir, name);
      const text = await readFile(path, 'utf8');
      const at = text.indexOf(probe);
      if (at < 0) continue;
      const changed = `${text.slice(0, at)}${edited}${text.slice(at + probe.length)}`;
      await writeFile(path, changed);
      return `${name}: "${probe}..."`;
    }
  }
  throw new Error('no sentence of the middle story found in the articles');
}

const rows: Array<{ name: string; tools: string; m: Measured }> = [];
const notes: string[] = [];
for (let round = 0; round < rounds; round++) {
  for (const tools of toolSets) {
    const work = await mkdtemp(join(tmpdir(), 'briefcast-bench-'));
    const articles = join(work, 'articles');
    await cp(join(root, 'examples'), articles, { recursive: true, filter: (src) => !src.endsWith('.json') });
    const naive = await measure('naive', articles, join(work, 'naive'), tools);
    const cold = await measure('build', articles, join(work, 'real'), tools);
    notes.push(`${tools}: changed ${await changeOneStory(articles, cold.result.stories ?? [])}`);
    const rebuild = await measure('build', articles, join(work, 'real'), tools);
    rows.push({ name: '(c) naive sequential', tools, m: naive }, { name: '(a) cold build', tools, m: cold }, { name: '(b) rebuild, 1 changed', tools, m: rebuild });
    const running = await measureRunningProcess(articles, join(work, 'running'), tools);
    notes.push(`${tools}: running process changed ${running.changed}`);
    rows.push({ name: '(e) running: first build', tools, m: running.first }, { name: '(f) running: rebuild', tools, m: running.rebuild });
    await rm(work, { recursive: true, force: true });
  }
}

const pick = (prefix: string, tools: string) => rows.filter((r) => r.name.startsWith(prefix) && r.tools === tools).map((r) => r.m);
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const stat = (prefix: string, tools: string, key: 'wall' | 'cpu' | 'peakMb') => median(pick(prefix, tools).map((m) => m[key]));

console.log(`\nBriefcast pipeline benchmark: 8 example articles, voice ${voice}, ${rounds} round(s), medians\n`);
console.log('tools   variant                    wall s   cpu s   peak MB   synthesised    LUFS    dBTP');
for (const tools of toolSets) {
  for (const prefix of ['(c)', '(a)', '(b)', '(e)', '(f)']) {
    const last = pick(prefix, tools).at(-1)!;
    const name = rows.find((r) => r.name.startsWith(prefix))!.name;
    console.log(
      `${tools.padEnd(7)} ${name.padEnd(26)} ${stat(prefix, tools, 'wall').toFixed(2).padStart(6)} ${stat(prefix, tools, 'cpu').toFixed(2).padStart(7)} ${stat(prefix, tools, 'peakMb').toFixed(0).padStart(9)}   ${String(last.result.synthesised).padStart(4)}/${String(last.result.segments).padEnd(8)} ${last.loudness.lufs.toFixed(1).padStart(6)} ${last.loudness.truePeak.toFixed(1).padStart(6)}`,
    );
  }
}
const ratio = (a: string, ta: string, b: string, tb: string, key: 'wall' | 'cpu') => (stat(a, ta, key) / stat(b, tb, key)).toFixed(2);
console.log(`\nratios (goals with eSpeak NG: cold/naive <= 0.5, rebuild/cold <= 0.2, npm cold/system cold <= 1.5)`);
for (const tools of toolSets) {
  console.log(`  ${tools}: cold / naive   wall ${ratio('(a)', tools, '(c)', tools, 'wall')}   cpu ${ratio('(a)', tools, '(c)', tools, 'cpu')}`);
  console.log(`  ${tools}: rebuild / cold wall ${ratio('(b)', tools, '(a)', tools, 'wall')}   cpu ${ratio('(b)', tools, '(a)', tools, 'cpu')}`);
  console.log(`  ${tools}: running-process rebuild / cold wall ${ratio('(f)', tools, '(a)', tools, 'wall')}   cpu ${ratio('(f)', tools, '(a)', tools, 'cpu')}`);
}
if (toolSets.includes('npm')) console.log(`  npm cold / system cold   wall ${ratio('(a)', 'npm', '(a)', 'system', 'wall')}   cpu ${ratio('(a)', 'npm', '(a)', 'system', 'cpu')}`);
const audio = pick('(a)', 'system').at(-1)!;
console.log(`\nepisode: ${audio.result.seconds?.toFixed(1)} s; ${notes.slice(0, 1).join('')}`);

if (process.argv.includes('--long')) {
  const work = await mkdtemp(join(tmpdir(), 'briefcast-bench-long-'));
  const articles = join(work, 'articles');
  await mkdir(articles, { recursive: true });
  const entries = (await readFile(join(root, '../shared/data/news/cnndm_validation_1000.jsonl'), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: string; article: string });
  const long = entries.filter((row) => row.article.split(/\s+/).length >= 500).slice(0, 40);
  for (const [index, row] of long.entries()) await writeFile(join(articles, `${String(index).padStart(2, '0')}-${row.id.slice(0, 8)}.txt`), row.article);
  const show = JSON.parse(await readFile(join(root, 'examples/show.json'), 'utf8')) as Record<string, unknown>;
  const showFile = join(work, 'show.json');
  await writeFile(showFile, JSON.stringify({ ...show, artwork: join(root, 'examples/artwork.jpg'), targetMinutes: 60 }));
  const measured = await measure('build', articles, join(work, 'real'), 'system', showFile);
  const short = stat('(a)', 'system', 'wall');
  console.log(`\n(d) 60-minute cold build, ${long.length} articles: ${((measured.result.seconds ?? 0) / 60).toFixed(1)} minutes of audio, wall ${measured.wall.toFixed(2)} s (${(measured.wall / short).toFixed(2)}x the 5-minute cold build; goal <= 8x), CPU ${measured.cpu.toFixed(2)} s, peak of the largest process ${measured.peakMb.toFixed(0)} MB (goal <= 300), ${measured.loudness.lufs.toFixed(1)} LUFS, ${measured.loudness.truePeak.toFixed(1)} dBTP`);
  await rm(work, { recursive: true, force: true });
}
