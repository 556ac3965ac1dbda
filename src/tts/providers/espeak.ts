import { execFile, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import type { SpeechProvider, SpeechRequest, SpeechResult, VoiceInfo } from '../speech-provider.js';
import { espeakRate, parseEspeakVoices, splitEspeakVoice } from './espeak-voices.js';

const execFileAsync = promisify(execFile);

export interface EspeakProviderOptions {
  /** "cli" uses the system espeak-ng binary, "wasm" the npm build, "auto" the CLI when installed. */
  engine?: 'auto' | 'cli' | 'wasm';
  /** Worker threads for the WASM build (default: the number of cores). */
  threads?: number;
  /** Path of the espeak-ng binary (default: found on PATH). */
  binary?: string;
}

/**
 * eSpeak NG, the offline default: no account, no network. GPL-3.0: the engine
 * runs in a child process (CLI) or a worker thread (WASM) and is loaded only
 * when a show selects it.
 */
export async function createEspeakProvider(options: EspeakProviderOptions = {}): Promise<SpeechProvider> {
  const engine = options.engine ?? 'auto';
  const binary = options.binary ?? 'espeak-ng';
  if (engine !== 'wasm') {
    const version = await cliVersion(binary);
    if (version) return new EspeakCliProvider(binary, version);
    if (engine === 'cli') {
      throw new BriefcastError(ErrorCodes.PROVIDER_UNKNOWN, 'espeak-ng binary not found; install it (apt-get install espeak-ng) or use engine "wasm"', {
        subject: binary,
      });
    }
  }
  return EspeakWasmProvider.create(options.threads ?? availableParallelism());
}

/** The version an installed espeak-ng CLI reports, or null when it does not run. */
export async function cliVersion(binary: string): Promise<string | null> {
  try {
    const { stdout } = await execFileAsync(binary, ['--version'], { timeout: 5000 });
    return /text-to-speech:\s*([\w.-]+)/.exec(stdout)?.[1] ?? 'unknown';
  } catch {
    return null;
  }
}

abstract class EspeakBase implements SpeechProvider {
  readonly name = 'espeak';
  abstract readonly engineId: string;
  // Offline and free: a price of zero keeps cost estimates complete.
  readonly limits = { maxCharacters: 8000, ssml: false, outputFormats: ['wav' as const], pricePerMillionCharacters: 0 };
  private voices?: Promise<VoiceInfo[]>;

  protected abstract run(args: string[], text?: string): Promise<Uint8Array | string>;

  listVoices(): Promise<VoiceInfo[]> {
    this.voices ??= this.run(['--voices']).then((table) => parseEspeakVoices(String(table)));
    return this.voices;
  }

  async synthesize(request: SpeechRequest): Promise<SpeechResult> {
    const { language } = splitEspeakVoice(request.voice);
    const known = await this.listVoices();
    if (!known.some((voice) => voice.name === language)) {
      throw new BriefcastError(ErrorCodes.VOICE_UNKNOWN, `unknown eSpeak NG voice; try one of ${known.filter((v) => v.name.startsWith('en')).map((v) => v.name).join(', ')}`, {
        subject: request.voice,
      });
    }
    const warnings = request.ssml ? ['eSpeak NG provider reads plain text; SSML was not requested from it'] : undefined;
    const audio = await this.run(['-v', request.voice, '-s', String(espeakRate(request.speed))], request.text);
    if (typeof audio === 'string' || audio.byteLength <= 44) {
      throw new BriefcastError(ErrorCodes.TTS_FAILED, 'eSpeak NG returned no audio', { subject: request.voice });
    }
    return { audio, format: 'wav', sampleRate: 22050, warnings };
  }
}

class EspeakCliProvider extends EspeakBase {
  readonly engineId: string;

  constructor(private readonly binary: string, version: string) {
    super();
    this.engineId = `espeak-ng-cli@${version}`;
  }

  protected run(args: string[], text?: string): Promise<Uint8Array | string> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary, text === undefined ? args : [...args, '--stdout', '--stdin'], { stdio: ['pipe', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code !== 0) {
          reject(new BriefcastError(ErrorCodes.TTS_FAILED, `espeak-ng exited with ${code}: ${Buffer.concat(err).toString().slice(0, 300)}`));
        } else if (text === undefined) resolve(Buffer.concat(out).toString('utf8'));
        else resolve(new Uint8Array(Buffer.concat(out)));
      });
      // An engine that exits before reading its stdin (a --version query, or a failure) breaks the pipe
      // (EPIPE): that is no error of its own, and the exit code says what happened.
      child.stdin.on('error', () => undefined);
      child.stdin.end(text ?? '');
    });
  }
}

class EspeakWasmProvider extends EspeakBase {
  readonly engineId: string;

  private constructor(private readonly pool: import('piscina').Piscina, version: string) {
    super();
    this.engineId = `espeak-ng-wasm@${version}`;
  }

  static async create(threads: number): Promise<EspeakWasmProvider> {
    const { Piscina } = await import('piscina');
    const require = createRequire(import.meta.url);
    const version = (require('espeak-ng/package.json') as { version: string }).version;
    const pool = new Piscina({
      filename: new URL('./espeak-wasm-worker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: Math.max(1, threads),
      idleTimeout: 2000,
    });
    return new EspeakWasmProvider(pool, version);
  }

  protected async run(args: string[], text?: string): Promise<Uint8Array | string> {
    if (text === undefined) {
      const result = (await this.pool.run({ args })) as { stdout: string };
      return result.stdout;
    }
    // The WASM build has no stdin: text goes in as the last argument (no shell, so no quoting issues).
    // The leading space stops text such as "-5 degrees" being parsed as an option.
    const result = (await this.pool.run({ args: [...args, '-w', '/out.wav', ` ${text}`], output: '/out.wav' })) as {
      audio: Uint8Array;
    };
    return result.audio;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
