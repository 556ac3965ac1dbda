import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import type { SpeechProvider, SpeechRequest, SpeechResult, VoiceInfo } from '../speech-provider.js';
import { FESTIVAL_VOICE_NAME, findFestivalVoices, type FestivalVoice } from './festival-voices.js';
import { createEngineRunner, type EngineRunner, type EngineRunnerOptions } from './local-engine-run.js';
import { nothingToSay, silentWav, speakableLatinText } from './speakable-text.js';

const execFileAsync = promisify(execFile);

/**
 * The Festival Speech Synthesis System from Debian (`festival` plus a voice
 * package such as `festvox-us-slt-hts`). Each request runs `text2wave` in a
 * child process: the article text goes in a file that text2wave reads as
 * text, never into a Scheme expression, and the only Scheme we write is built
 * from a voice name checked against the installed folders and a number.
 */
export interface FestivalProviderOptions {
  /** Path of text2wave (default: found on PATH). */
  text2wave?: string;
  /** Path of festival, asked only for its version. */
  festival?: string;
  /** Where the voice folders are (Debian: /usr/share/festival/voices). */
  voicesDir?: string;
  runner?: EngineRunnerOptions;
}

export async function createFestivalProvider(options: FestivalProviderOptions = {}): Promise<SpeechProvider> {
  const text2wave = options.text2wave ?? 'text2wave';
  const festival = options.festival ?? 'festival';
  const version = await execFileAsync(festival, ['--version'], { timeout: 10_000 }).then(
    ({ stdout }) => /System:\s*([\w.-]+)/.exec(stdout)?.[1] ?? 'unknown',
    () => null,
  );
  if (!version) {
    throw new BriefcastError(ErrorCodes.PROVIDER_UNKNOWN, 'festival not found; install it (apt-get install festival festvox-us-slt-hts)', {
      subject: festival,
      details: { engineMissing: true },
    });
  }
  const voices = await findFestivalVoices(options.voicesDir ?? '/usr/share/festival/voices');
  return new FestivalProvider(text2wave, version, voices, createEngineRunner(options.runner));
}

class FestivalProvider implements SpeechProvider {
  readonly name = 'festival';
  readonly engineId: string;
  readonly limits = { maxCharacters: 3000, ssml: false, outputFormats: ['wav' as const], pricePerMillionCharacters: 0 };

  constructor(
    private readonly text2wave: string,
    version: string,
    private readonly voices: FestivalVoice[],
    private readonly runner: EngineRunner,
  ) {
    this.engineId = `festival@${version}`;
  }

  async listVoices(): Promise<VoiceInfo[]> {
    return this.voices.map(({ kind: _kind, ...voice }) => voice);
  }

  async synthesize(request: SpeechRequest): Promise<SpeechResult> {
    const voice = this.voices.find((candidate) => candidate.name === request.voice);
    if (!voice || !FESTIVAL_VOICE_NAME.test(voice.name)) {
      const known = this.voices.map((candidate) => candidate.name).join(', ') || 'none installed (apt-get install festvox-us-slt-hts)';
      // A Festival voice is a package: one missing on this machine counts as a missing engine (a fallback voice may step in).
      throw new BriefcastError(ErrorCodes.VOICE_UNKNOWN, `festival voice not installed here; installed: ${known}`, {
        subject: request.voice,
        details: { engineMissing: true },
      });
    }
    const warnings = request.ssml ? ['festival reads plain text here; SSML was not requested from it'] : [];
    const text = speakableLatinText(request.text);
    // Festival stops with a Scheme error on text without a single word; a breath of silence stands in.
    if (nothingToSay(text)) return { audio: silentWav(16_000, 0.25), format: 'wav', sampleRate: 16_000, warnings };
    const dir = await mkdtemp(join(tmpdir(), 'briefcast-festival-'));
    try {
      const input = join(dir, 'in.txt');
      const output = join(dir, 'out.wav');
      await writeFile(input, `${text}\n`, 'utf8');
      const args = ['-eval', `(voice_${voice.name})`, ...speedArgs(voice, request.speed), '-o', output, input];
      await this.runner.run({ binary: this.text2wave, args, textLength: text.length, signal: request.signal, label: `festival (${voice.name})` });
      const audio = new Uint8Array(await readFile(output).catch(() => Buffer.alloc(0)));
      if (audio.byteLength <= 44) throw new BriefcastError(ErrorCodes.TTS_FAILED, 'festival returned no audio', { subject: voice.name });
      return { audio, format: 'wav', sampleRate: voice.kind === 'hts' ? 32_000 : 16_000, ...(warnings.length ? { warnings } : {}) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** HTS voices take a speech rate (hts_engine's -r); the others stretch durations, where 1/speed is slower for speed < 1. */
function speedArgs(voice: FestivalVoice, speed: number): string[] {
  const rate = Math.min(2, Math.max(0.5, Number.isFinite(speed) ? speed : 1));
  if (rate === 1) return [];
  if (voice.kind === 'hts') return ['-eval', `(set! hts_engine_params (cons (list "-r" ${rate.toFixed(3)}) hts_engine_params))`];
  return ['-eval', `(Parameter.set 'Duration_Stretch ${(1 / rate).toFixed(3)})`];
}
