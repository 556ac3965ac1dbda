/**
 * Benchmark of the embedded pipeline on the 8 example articles (about 5 minutes of audio):
 *   (a) a cold build, (b) a rebuild with one article changed, (c) a naive sequential baseline
 * made of the same tools. Each runs in its own process under GNU time, side by side in one run.
 * Usage: npx tsx scripts/bench-pipeline.ts [--rounds N]
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const root = new URL('../', import.meta.url).pathname;
const variant = join(root, 'scripts/bench/pipeline-variant.ts');
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 1) || 1;

interface Measured {
  wall: number;
  cpu: number;
  peakMb: number;
  result: { lufs: number; truePeak: number; segments: number; synthesised: number; seconds?: number };
}

async function measure(mode: 'build' | 'naive', articles: string, work: string): Promise<Measured> {
  const { stdout, stderr } = await exec(
    '/usr/bin/time',
    ['-f', 'TIME %e %U %S %M', process.execPath, '--import', 'tsx', variant, mode, articles, join(root, 'examples/show.json'), work],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  );
  const [, wall, user, sys, rssKb] = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr)!;
  return { wall: Number(wall), cpu: Number(user) + Number(sys), peakMb: Number(rssKb) / 1024, result: JSON.parse(stdout.trim().split('\n').pop()!) };
}

async function changeOneArticle(dir: string): Promise<void> {
  const name = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort()[0]!;
  const path = join(dir, name);
  const text = await readFile(path, 'utf8');
  await writeFile(path, text.replace(/\.\s/, '. Officials added that the figures would be reviewed next week. '));
}

const rows: Array<{ name: string; m: Measured }> = [];
for (let round = 0; round < rounds; round++) {
  const work = await mkdtemp(join(tmpdir(), 'briefcast-bench-'));
  const articles = join(work, 'articles');
  await cp(join(root, 'examples'), articles, { recursive: true, filter: (src) => !src.endsWith('.json') });
  const naive = await measure('naive', articles, join(work, 'naive'));
  const cold = await measure('build', articles, join(work, 'real'));
  await changeOneArticle(articles);
  const rebuild = await measure('build', articles, join(work, 'real'));
  rows.push({ name: `(c) naive sequential`, m: naive }, { name: `(a) cold build`, m: cold }, { name: `(b) rebuild, 1 changed`, m: rebuild });
  await rm(work, { recursive: true, force: true });
}

const pick = (prefix: string) => rows.filter((r) => r.name.startsWith(prefix)).map((r) => r.m);
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const stat = (prefix: string, key: 'wall' | 'cpu' | 'peakMb') => median(pick(prefix).map((m) => m[key]));

console.log(`\nBriefcast pipeline benchmark: 8 example articles, ${rounds} round(s), medians\n`);
console.log('variant                    wall s   cpu s   peak MB   segments synthesised   LUFS    dBTP');
for (const prefix of ['(c)', '(a)', '(b)']) {
  const last = pick(prefix).at(-1)!;
  const name = rows.find((r) => r.name.startsWith(prefix))!.name;
  console.log(
    `${name.padEnd(26)} ${stat(prefix, 'wall').toFixed(2).padStart(6)} ${stat(prefix, 'cpu').toFixed(2).padStart(7)} ${stat(prefix, 'peakMb').toFixed(0).padStart(9)}   ${String(last.result.synthesised).padStart(4)}/${String(last.result.segments).padEnd(16)} ${last.result.lufs.toFixed(1).padStart(6)} ${last.result.truePeak.toFixed(1).padStart(6)}`,
  );
}
const ratio = (a: string, b: string, key: 'wall' | 'cpu' | 'peakMb') => (stat(a, key) / stat(b, key)).toFixed(2);
console.log(`\nratios (goal: a/c <= 0.6, b/a <= 0.3)`);
console.log(`  cold / naive      wall ${ratio('(a)', '(c)', 'wall')}   cpu ${ratio('(a)', '(c)', 'cpu')}   peak memory ${ratio('(a)', '(c)', 'peakMb')}`);
console.log(`  rebuild / cold    wall ${ratio('(b)', '(a)', 'wall')}   cpu ${ratio('(b)', '(a)', 'cpu')}   peak memory ${ratio('(b)', '(a)', 'peakMb')}`);
const audio = pick('(a)').at(-1)!.result;
console.log(`\nepisode: ${audio.seconds?.toFixed(1)} s, ${audio.lufs.toFixed(1)} LUFS integrated, true peak ${audio.truePeak.toFixed(1)} dBTP`);
