import { spawn } from 'node:child_process';
import { createEspeakProvider } from '../../../src/tts/providers/espeak.js';

/**
 * Real audio for the vendor stand-ins to return: spoken by the offline eSpeak NG
 * engine, converted by ffmpeg where the vendor's format is MP3.
 */
export interface SampleAudio {
  wav: Uint8Array;
  mp3: Uint8Array;
}

let sample: Promise<SampleAudio> | undefined;

export function sampleAudio(): Promise<SampleAudio> {
  sample ??= (async () => {
    const espeak = await createEspeakProvider({ engine: 'auto', threads: 1 });
    try {
      const { audio: wav } = await espeak.synthesize({ text: 'Test audio.', voice: 'en-us', speed: 1 });
      return { wav, mp3: await ffmpegConvert(wav, ['-f', 'mp3', '-codec:a', 'libmp3lame', '-b:a', '64k']) };
    } finally {
      await espeak.close?.();
    }
  })();
  return sample;
}

function ffmpegConvert(input: Uint8Array, outputArgs: string[]): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', 'pipe:0', ...outputArgs, 'pipe:1'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(new Uint8Array(Buffer.concat(out))) : reject(new Error(Buffer.concat(err).toString()))));
    child.stdin.end(Buffer.from(input));
  });
}

/** True when bytes start like an MP3 (ID3 tag or frame sync). */
export function looksLikeMp3(bytes: Uint8Array): boolean {
  return (bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0);
}
