import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const run = promisify(execFile);

export interface Silence {
  start: number;
  end: number;
}

/** Silent stretches of at least `minSeconds`, found by ffmpeg's silencedetect: offsets measured on the audio itself. */
export async function detectSilences(file: string, minSeconds: number, noiseDb = -50): Promise<Silence[]> {
  const { stderr } = await run('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', `silencedetect=noise=${noiseDb}dB:d=${minSeconds}`, '-f', 'null', '-'], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const silences: Silence[] = [];
  for (const match of stderr.matchAll(/silence_start: (-?[\d.]+)[\s\S]*?silence_end: ([\d.]+)/g)) {
    silences.push({ start: Math.max(0, Number(match[1])), end: Number(match[2]) });
  }
  return silences;
}

/** The first moment the audio rises above the silence threshold. */
export async function firstSoundSeconds(file: string, noiseDb = -50): Promise<number> {
  const leading = (await detectSilences(file, 0.05, noiseDb))[0];
  return leading && leading.start === 0 ? leading.end : 0;
}
