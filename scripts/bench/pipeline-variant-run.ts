/** The body of pipeline-variant.ts, loaded after it has started the worker pool's threads (as the CLI's entry does). */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findFfmpeg } from '../../src/audio/ffmpeg-binaries.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { loadShowFile } from '../../src/config/load-show.js';
import { silentLogger } from '../../src/core/logger.js';
import { createEpisode, ingestAndClean } from '../../src/pipeline/build-now.js';
import { noProgress } from '../../src/pipeline/progress.js';
import { showWordsPerMinute } from '../../src/pipeline/episode-steps.js';
import { applyVoicePick, resolveVoicePick } from '../../src/tts/auto-voice.js';

const run = promisify(execFile);
const [mode, articlesDir, showFile, workDir, voiceArg, tools = 'system'] = process.argv.slice(2) as [string, string, string, string, string?, string?];
const date = new Date('2026-11-28T12:00:00Z');

const require = createRequire(import.meta.url);
const npmTools =
  tools === 'npm'
    ? {
        BRIEFCAST_ESPEAK_ENGINE: 'wasm',
        FFMPEG_PATH: (require('@ffmpeg-installer/ffmpeg') as { path: string }).path,
        FFPROBE_PATH: (require('@ffprobe-installer/ffprobe') as { path: string }).path,
      }
    : {};
const config = loadConfig({ BRIEFCAST_DATA_DIR: join(workDir, 'data'), BRIEFCAST_PUBLISH_DIR: join(workDir, 'published'), ...npmTools });
const app = createApp(config, { logger: silentLogger() });
const loaded = await loadShowFile(showFile);
// `auto` is resolved as an episode would resolve it, so the naive baseline speaks with the same engine and voice.
const concrete = voiceArg ? loaded : applyVoicePick(loaded, await resolveVoicePick(app.ctx.providers, loaded));
const [provider, voice] = voiceArg ? [voiceArg.slice(0, voiceArg.indexOf(':')), voiceArg.slice(voiceArg.indexOf(':') + 1)] : [concrete.voice.provider, concrete.voice.name];
const show = { ...loaded, voice: { ...loaded.voice, provider: provider!, name: voice! } };

/** One build through the CLI's code path, and what it made. */
async function buildOnce(): Promise<Record<string, unknown>> {
  const record = await createEpisode(app.ctx, { show, sources: [articlesDir], date, episodeId: 'bench' }, noProgress);
  const fresh = record.segments.filter((s) => !s.cached).length;
  const stories = record.segments.filter((s) => s.kind === 'story').map((s) => s.text);
  return { lufs: record.audio!.integratedLufs, truePeak: record.audio!.truePeakDbtp, seconds: record.audio!.durationSeconds, segments: record.segments.length, synthesised: fresh, file: join(workDir, 'published', ...record.audio!.key.split('/')), stories };
}

/** CPU seconds of this process (all threads) and of the children it has waited for (ffmpeg, engines), from /proc. */
async function cpuSeconds(): Promise<number> {
  const { user, system } = process.cpuUsage();
  // Fields after the command name: cutime and cstime are the 14th and 15th, in clock ticks (100 per second on Linux).
  const stat = await readFile('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (user + system) / 1e6 + (Number(fields[13]) + Number(fields[14])) / 100;
}

if (mode === 'build') {
  process.stdout.write(`${JSON.stringify(await buildOnce())}\n`);
} else if (mode === 'warm') {
  // A running process (the API server): a build per line on stdin, timed inside the process.
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() !== 'build') break;
    const [start, cpuBefore] = [performance.now(), await cpuSeconds()];
    const result = await buildOnce();
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(await readFile('/proc/self/status', 'utf8'))?.[1] ?? 0);
    process.stdout.write(`${JSON.stringify({ ...result, wall: (performance.now() - start) / 1000, cpu: (await cpuSeconds()) - cpuBefore, peakMb: peakKb / 1024 })}\n`);
  }
} else {
  const articles = await ingestAndClean([articlesDir], {}, noProgress);
  const script = await app.ctx.writers.create('extractive').write({
    articles,
    showTitle: show.title,
    language: show.language,
    date,
    targetSeconds: show.targetMinutes * 60,
    wordsPerMinute: showWordsPerMinute(show),
  });
  const engine = await app.ctx.providers.get(show.voice.provider);
  const dir = join(workDir, 'naive');
  await mkdir(dir, { recursive: true });
  const files: string[][] = [];
  for (const [index, segment] of script.segments.entries()) {
    const result = await engine.synthesize({ text: segment.text, voice: show.voice.name, speed: show.voice.speed });
    const path = join(dir, `segment-${index}.${result.format === 'pcm_s16le' ? 'raw' : result.format}`);
    await writeFile(path, result.audio);
    files.push(result.format === 'pcm_s16le' ? ['-f', 's16le', '-ar', String(result.sampleRate ?? 24_000), '-ac', '1', '-i', path] : ['-i', path]);
  }
  // The same ffmpeg the pipeline resolved (system, FFMPEG_PATH or the npm build).
  const ffmpeg = findFfmpeg({ ffmpegPath: config.ffmpegPath, ffprobePath: config.ffprobePath, pathDirs: config.executableSearchPath }).ffmpeg;
  const inputs = files.flat();
  const parts = files.map((_, i) => `[${i}:a]aresample=44100,apad=pad_len=${Math.round((show.pauses.storyMs / 1000) * 44_100)}[p${i}]`);
  const graph = `${parts.join(';')};${files.map((_, i) => `[p${i}]`).join('')}concat=n=${files.length}:v=0:a=1,acompressor=threshold=-24dB:ratio=4:attack=5:release=100:makeup=2,loudnorm=I=-16:TP=-1.5:LRA=11,aresample=44100[out]`;
  const output = join(dir, 'episode.mp3');
  await run(ffmpeg, ['-v', 'error', '-y', ...inputs, '-filter_complex', graph, '-map', '[out]', '-ac', '1', '-c:a', 'libmp3lame', '-b:a', '96k', output]);
  process.stdout.write(`${JSON.stringify({ segments: script.segments.length, synthesised: script.segments.length, file: output })}\n`);
}
await app.close();
