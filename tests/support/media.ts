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
