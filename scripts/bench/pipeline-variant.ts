/**
 * One measured run of the episode build, started by scripts/bench-pipeline.ts
 * under /usr/bin/time. Modes: "build" (the real pipeline) and "naive" (the
 * same engine and ffmpeg, one step after another, no cache, no parallelism).
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
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
import { espeakRate } from '../../src/tts/providers/espeak-voices.js';

const run = promisify(execFile);
const [mode, articlesDir, showFile, workDir] = process.argv.slice(2) as [string, string, string, string];
const date = new Date('2026-11-28T12:00:00Z');

const config = loadConfig({ BRIEFCAST_DATA_DIR: join(workDir, 'data'), BRIEFCAST_PUBLISH_DIR: join(workDir, 'published') });
const app = createApp(config, { logger: silentLogger() });
const show = await loadShowFile(showFile);
// The baseline uses the ffmpeg the pipeline resolved (FFMPEG_PATH, PATH, or the npm build), so it runs after a bare npm install.
const ffmpegBinary = findFfmpeg({ ffmpegPath: config.ffmpegPath, ffprobePath: config.ffprobePath }).ffmpeg;

if (mode === 'build') {
  const record = await createEpisode(app.ctx, { show, sources: [articlesDir], date, episodeId: 'bench' }, noProgress);
  const fresh = record.segments.filter((s) => !s.cached).length;
  process.stdout.write(
    `${JSON.stringify({ lufs: record.audio!.integratedLufs, truePeak: record.audio!.truePeakDbtp, seconds: record.audio!.durationSeconds, segments: record.segments.length, synthesised: fresh })}\n`,
  );
} else {
  // Naive baseline: synthesise every segment in turn with the same engine, join with one ffmpeg run, then a separate loudness pass.
  const articles = await ingestAndClean([articlesDir], {}, noProgress);
  const script = await app.ctx.writers.create('extractive').write({
    articles,
    showTitle: show.title,
    language: show.language,
    date,
    targetSeconds: show.targetMinutes * 60,
    wordsPerMinute: showWordsPerMinute(show),
  });
  const provider = await app.ctx.providers.get('espeak');
  const dir = join(workDir, 'naive');
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const [index, segment] of script.segments.entries()) {
    const result = await provider.synthesize({ text: segment.text, voice: show.voice.name, speed: show.voice.speed });
    const path = join(dir, `segment-${index}.wav`);
    await writeFile(path, result.audio);
    files.push(path);
  }
  const inputs = files.flatMap((file) => ['-i', file]);
  const parts = files.map((_, i) => `[${i}:a]aresample=44100,apad=pad_dur=${show.pauses.storyMs / 1000}[p${i}]`);
  const graph = `${parts.join(';')};${files.map((_, i) => `[p${i}]`).join('')}concat=n=${files.length}:v=0:a=1[out]`;
  await run(ffmpegBinary, ['-v', 'error', '-y', ...inputs, '-filter_complex', graph, '-map', '[out]', '-ac', '1', join(dir, 'joined.wav')]);
  await run(ffmpegBinary, [
    '-v', 'error', '-y', '-i', join(dir, 'joined.wav'),
    '-af', 'acompressor=threshold=-24dB:ratio=4:attack=5:release=100:makeup=2,loudnorm=I=-16:TP=-1.5:LRA=11,aresample=44100',
    '-c:a', 'libmp3lame', '-b:a', '96k', '-ac', '1', join(dir, 'episode.mp3'),
  ]);
  const loudness = await app.ctx.ffmpeg.measureLoudness(join(dir, 'episode.mp3'));
  process.stdout.write(`${JSON.stringify({ lufs: loudness.integratedLufs, truePeak: loudness.truePeakDbtp, segments: script.segments.length, synthesised: script.segments.length, rate: espeakRate(show.voice.speed) })}\n`);
}
await app.close();
