/**
 * Intelligibility, speed, memory and size of every installed offline voice, side by side in one run.
 *
 *   npx tsx scripts/bench-voices.ts [--limit WORDS] [--only provider[:voice],...]
 *
 * Text: scripts/bench/voice-reference.txt, the demo script of 2026-12-01 (examples/, extractive writer, 5 minutes)
 * with numbers and units spelled out, committed once so that later script changes do not move the figures.
 * --limit keeps the first paragraphs up to about that many words (for a quick run).
 * Each engine reads it paragraph by paragraph through its real provider, one request at a time; the WAVs are joined,
 * converted to 16 kHz mono and transcribed by pocketsphinx (Debian's US English model). Printed per engine+voice:
 *   WER   word error rate of the transcript against the text (lower is better; same normalisation both sides)
 *   RTF   synthesis wall time over audio duration
 *   peak  highest resident memory of the engine: the sum over the benchmark's child processes (CLI engines),
 *         or the growth of this process (the WASM build, which runs in a worker thread), sampled every 25 ms;
 *         an engine that finishes each request within one sample (flite) shows n/a: measure it with /usr/bin/time -f %M
 *   size  bytes of the engine's WAV output, per minute of audio
 */
import { execFile } from 'node:child_process';
import { readFile, readdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SpeechProvider } from '../src/tts/speech-provider.js';
import { createEspeakProvider } from '../src/tts/providers/espeak.js';
import { createFestivalProvider } from '../src/tts/providers/festival.js';
import { createFliteProvider } from '../src/tts/providers/flite.js';
import { assertRecogniserInstalled, transcribe, wordErrorRate } from './lib/speech-check.js';

const execFileAsync = promisify(execFile);

interface Engine {
  label: string;
  make: () => Promise<SpeechProvider>;
  voices: (provider: SpeechProvider) => Promise<string[]>;
}

const ENGINES: Engine[] = [
  { label: 'festival', make: () => createFestivalProvider({ runner: { limit: 1 } }), voices: async (p) => (await p.listVoices()).filter((v) => v.language.startsWith('en')).map((v) => v.name) },
  { label: 'flite', make: () => createFliteProvider({ runner: { limit: 1 } }), voices: async (p) => (await p.listVoices()).map((v) => v.name) },
  { label: 'espeak-cli', make: () => createEspeakProvider({ engine: 'cli' }), voices: async () => ['en-us'] },
  { label: 'espeak-wasm', make: () => createEspeakProvider({ engine: 'wasm', threads: 1 }), voices: async () => ['en-us'] },
];

function parseArgs(argv: readonly string[]): { limit: number; only?: string[] } {
  const args: { limit: number; only?: string[] } = { limit: Number.POSITIVE_INFINITY };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--limit' && argv[i + 1]) args.limit = Number(argv[++i]);
    else if (argv[i] === '--only' && argv[i + 1]) args.only = argv[++i]!.split(',');
  }
  return args;
}

async function referenceParagraphs(limit: number): Promise<string[]> {
  const text = await readFile(new URL('./bench/voice-reference.txt', import.meta.url), 'utf8');
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const kept: string[] = [];
  let words = 0;
  for (const paragraph of paragraphs) {
    if (words >= limit) break;
    kept.push(paragraph);
    words += paragraph.split(/\s+/).length;
  }
  return kept;
}

/** Peak memory while `work` runs: child processes' RSS summed, and this process's growth. */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; childPeak: number; selfGrowth: number }> {
  const baseline = process.memoryUsage().rss;
  let childPeak = 0;
  let selfPeak = baseline;
  const sample = async () => {
    selfPeak = Math.max(selfPeak, process.memoryUsage().rss);
    childPeak = Math.max(childPeak, await descendantsRss(process.pid));
  };
  const timer = setInterval(() => void sample().catch(() => undefined), 25);
  try {
    const result = await work();
    return { result, childPeak, selfGrowth: selfPeak - baseline };
  } finally {
    clearInterval(timer);
  }
}

async function descendantsRss(root: number): Promise<number> {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const status = await readFile(`/proc/${entry}/status`, 'utf8').catch(() => '');
    const ppid = /PPid:\s+(\d+)/.exec(status)?.[1];
    const resident = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    if (ppid) parents.set(Number(entry), Number(ppid));
    if (resident) rss.set(Number(entry), Number(resident) * 1024);
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parents.get(pid), depth = 0; p !== undefined && depth < 8; p = parents.get(p), depth++) if (p === root) return true;
    return false;
  };
  let sum = 0;
  for (const [pid, bytes] of rss) if (pid !== root && isDescendant(pid)) sum += bytes;
  return sum;
}

async function durationSeconds(path: string): Promise<number> {
  const { stdout } = await execFileAsync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path]);
  return Number(stdout.trim());
}

async function main(): Promise<void> {
  const { limit, only } = parseArgs(process.argv.slice(2));
  await assertRecogniserInstalled();
  const paragraphs = await referenceParagraphs(limit);
  const reference = paragraphs.join('\n');
  const dir = await mkdtemp(join(tmpdir(), 'bench-voices-'));
  const rows: string[][] = [];
  process.stderr.write(`reference: ${reference.split(/\s+/).length} words in ${paragraphs.length} paragraphs\n`);
  try {
    for (const engine of ENGINES) {
      let provider: SpeechProvider;
      try {
        provider = await engine.make();
      } catch (error) {
        process.stderr.write(`${engine.label}: not installed (${(error as Error).message})\n`);
        continue;
      }
      for (const voice of await engine.voices(provider)) {
        const id = `${provider.name}:${voice}`;
        if (only && !only.some((wanted) => wanted === provider.name || wanted === id || wanted === engine.label)) continue;
        const parts: string[] = [];
        const started = performance.now();
        const { childPeak, selfGrowth } = await withPeakMemory(async () => {
          for (const [index, text] of paragraphs.entries()) {
            const { audio } = await provider.synthesize({ text, voice, speed: 1 });
            const path = join(dir, `${engine.label}-${voice}-${index}.wav`);
            await writeFile(path, audio);
            parts.push(path);
          }
        });
        const synthSeconds = (performance.now() - started) / 1000;
        const joined = join(dir, `${engine.label}-${voice}.wav`);
        const list = join(dir, 'list.txt');
        await writeFile(list, parts.map((part) => `file '${part}'`).join('\n'));
        // Re-encode on join: the parts' rates agree within an engine, and a fixed 16-bit PCM output keeps sizes comparable.
        await execFileAsync('ffmpeg', ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-c:a', 'pcm_s16le', joined]);
        const seconds = await durationSeconds(joined);
        const bytes = (await Promise.all(parts.map((part) => stat(part)))).reduce((sum, s) => sum + s.size, 0);
        const heard = await transcribe(joined);
        const wer = wordErrorRate(reference, heard);
        const peak = engine.label === 'espeak-wasm' ? selfGrowth : childPeak;
        rows.push([`${engine.label} ${voice}`, provider.engineId, wer.toFixed(2), (synthSeconds / seconds).toFixed(4), peak > 0 ? `${(peak / 1e6).toFixed(0)} MB` : 'n/a (exits within a sample)', `${((bytes / 1e6) * (60 / seconds)).toFixed(2)} MB/min`, `${seconds.toFixed(0)} s`]);
        process.stderr.write(`${rows.at(-1)!.join('  ')}\n`);
      }
      await provider.close?.();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const header = ['engine voice', 'build', 'WER', 'RTF', 'peak memory', 'WAV size', 'audio'];
  process.stdout.write(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n`);
  for (const row of rows.sort((a, b) => Number(a[2]) - Number(b[2]))) process.stdout.write(`| ${row.join(' | ')} |\n`);
}

await main();
