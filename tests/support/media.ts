import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Loudness measured by calling ffmpeg directly, independent of the code under test. */
export async function measureWithEbur128(file: string): Promise<{ integrated: number; truePeak: number }> {
  const { stderr } = await run('ffmpeg', ['-nostats', '-hide_banner', '-i', file, '-af', 'ebur128=peak=true:framelog=verbose', '-f', 'null', '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  return {
    integrated: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1]),
    truePeak: Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)![1]),
  };
}

export interface ProbedChapter {
  start: number;
  end: number;
  title: string;
}

export async function ffprobeJson(file: string): Promise<{
  chapters: Array<{ start_time: string; end_time: string; tags?: { title?: string } }>;
  format: { duration: string; size: string; tags?: Record<string, string> };
  streams: Array<{ codec_type: string; codec_name: string; sample_rate?: string; channels?: number }>;
}> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_chapters', '-show_format', '-show_streams', file]);
  return JSON.parse(stdout);
}

/** Decodes a file to mono 16-bit PCM at its own rate, with ffmpeg, failing on any decoding error. */
export async function decodePcm(file: string, sampleRate = 44_100): Promise<Int16Array> {
  const { stdout, stderr } = await run('ffmpeg', ['-v', 'error', '-i', file, '-f', 's16le', '-ac', '1', '-ar', String(sampleRate), '-'], {
    encoding: 'buffer',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (stderr.length > 0) throw new Error(`decoding errors: ${stderr.toString().slice(0, 500)}`);
  return new Int16Array(stdout.buffer, stdout.byteOffset, stdout.byteLength / 2);
}

/** Peak level in dBFS of the samples within ±windowSeconds of a time. */
export function peakAround(pcm: Int16Array, seconds: number, windowSeconds: number, sampleRate = 44_100): number {
  const from = Math.max(0, Math.floor((seconds - windowSeconds) * sampleRate));
  const to = Math.min(pcm.length, Math.ceil((seconds + windowSeconds) * sampleRate));
  let peak = 0;
  for (let i = from; i < to; i++) peak = Math.max(peak, Math.abs(pcm[i]!));
  return peak === 0 ? Number.NEGATIVE_INFINITY : 20 * Math.log10(peak / 32768);
}
