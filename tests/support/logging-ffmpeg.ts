import { execFileSync } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findFfmpeg } from '../../src/audio/ffmpeg-binaries.js';

/** The real ffmpeg behind a wrapper in `dir` that logs each call's arguments, and the real ffprobe's absolute path. */
export async function loggingFfmpeg(dir: string): Promise<{ ffmpeg: string; ffprobe: string; calls: () => Promise<string[]> }> {
  const real = findFfmpeg({ pathDirs: process.env.PATH });
  const log = join(dir, 'ffmpeg-calls.log');
  const ffmpeg = join(dir, 'ffmpeg');
  await writeFile(ffmpeg, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real.ffmpeg}' "$@"\n`);
  await chmod(ffmpeg, 0o755);
  await writeFile(log, '');
  const ffprobe = execFileSync('sh', ['-c', `command -v ${real.ffprobe}`], { encoding: 'utf8' }).trim();
  const calls = async () => (await readFile(log, 'utf8')).split('\n').map((line) => line.trim()).filter(Boolean);
  return { ffmpeg, ffprobe, calls };
}
