import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import type { SpeechProvider, SpeechRequest, SpeechResult, VoiceInfo } from '../speech-provider.js';
import { createEngineRunner, type EngineRunner, type EngineRunnerOptions } from './local-engine-run.js';
import { nothingToSay, silentWav, speakableLatinText } from './speakable-text.js';

const execFileAsync = promisify(execFile);

/**
 * CMU Flite, Debian's `flite` package: small, offline and BSD-style licensed,
 * with a handful of built-in US English voices ("slt" is the clearest). The
 * binary writes WAV only to a file, so each request gets a temporary folder.
 */
export interface FliteProviderOptions {
  binary?: string;
  runner?: EngineRunnerOptions;
}

export async function createFliteProvider(options: FliteProviderOptions = {}): Promise<SpeechProvider> {
  const binary = options.binary ?? 'flite';
  let listing: string;
  try {
    listing = (await execFileAsync(binary, ['-lv'], { timeout: 5000 })).stdout;
  } catch {
    throw new BriefcastError(ErrorCodes.PROVIDER_UNKNOWN, 'flite not found; install it (apt-get install flite)', {
      subject: binary,
      details: { engineMissing: true },
    });
  }
  // `flite --version` prints its version and then exits 1, so read stdout either way.
  const versionText = await execFileAsync(binary, ['--version'], { timeout: 5000 }).then(
    ({ stdout }) => stdout,
    (error: { stdout?: string }) => error.stdout ?? '',
  );
  const version = /flite-([\w.-]+)/.exec(versionText)?.[1] ?? 'unknown';
  const voices = listing.replace(/^.*?:/s, '').trim().split(/\s+/).filter(Boolean);
  return new FliteProvider(binary, version, voices, createEngineRunner(options.runner));
}

class FliteProvider implements SpeechProvider {
  readonly name = 'flite';
  readonly engineId: string;
  readonly limits = { maxCharacters: 5000, ssml: false, outputFormats: ['wav' as const], pricePerMillionCharacters: 0 };

  constructor(
    private readonly binary: string,
    version: string,
    private readonly voices: string[],
    private readonly runner: EngineRunner,
  ) {
    this.engineId = `flite@${version}`;
  }

  async listVoices(): Promise<VoiceInfo[]> {
    return this.voices.map((name) => ({ name, language: 'en-us', description: name === 'slt' ? 'female, clearest' : undefined }));
  }

  async synthesize(request: SpeechRequest): Promise<SpeechResult> {
    // flite silently falls back to its default voice for an unknown name, so check first.
    if (!this.voices.includes(request.voice)) {
      throw new BriefcastError(ErrorCodes.VOICE_UNKNOWN, `unknown flite voice; try one of ${this.voices.join(', ')}`, { subject: request.voice });
    }
    const text = speakableLatinText(request.text);
    if (nothingToSay(text)) return { audio: silentWav(16_000, 0.25), format: 'wav', sampleRate: 16_000 };
    const dir = await mkdtemp(join(tmpdir(), 'briefcast-flite-'));
    try {
      const out = join(dir, 'out.wav');
      // duration_stretch > 1 is slower speech, so it is the inverse of the speed multiplier.
      const args = ['-voice', request.voice, '--setf', `duration_stretch=${(1 / request.speed).toFixed(3)}`, '-t', text, '-o', out];
      // Arguments go to execve as they are (no shell), so the text needs no quoting.
      await this.runner.run({ binary: this.binary, args, textLength: text.length, signal: request.signal, label: `flite (${request.voice})` });
      const audio = new Uint8Array(await readFile(out));
      if (audio.byteLength <= 44) throw new BriefcastError(ErrorCodes.TTS_FAILED, 'flite returned no audio', { subject: request.voice });
      return { audio, format: 'wav', sampleRate: 16_000, ...(request.ssml ? { warnings: ['flite reads plain text; SSML was not requested from it'] } : {}) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
