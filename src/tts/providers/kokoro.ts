import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import type { SpeechProvider, SpeechRequest, SpeechResult, SsmlTag, VoiceInfo } from '../speech-provider.js';
import { ssmlParts } from '../kokoro/ssml-parts.js';
import { openKokoroFolder, readStyle, type KokoroFolder } from '../kokoro/model-folder.js';
import { sha256Of } from '../kokoro/model-download.js';
import { createPhonemiser, type Phonemiser } from '../kokoro/phonemise.js';
import { chunkTokens, tokenise } from '../kokoro/tokenise.js';

/** Kokoro speaks at 24 kHz. */
const SAMPLE_RATE = 24_000;

export interface KokoroProviderOptions {
  /** The model folder: BRIEFCAST_KOKORO_MODEL_DIR, or <models dir>/kokoro after `voices install`. */
  dir: string;
  /** Threads onnxruntime uses inside its one worker (default 1). */
  threads?: number;
  /** The eSpeak NG build that phonemises ("auto": the CLI when installed, else WASM). */
  phonemiser?: 'auto' | 'cli' | 'wasm';
}

/**
 * Kokoro-82M (Apache-2.0) on onnxruntime-node: eSpeak NG turns text into IPA, the model
 * folder's vocabulary turns IPA into token ids, and the graph runs in a worker thread.
 * Everything is local once the folder exists; a missing folder is a MODEL_MISSING error
 * that says to run `briefcast voices install kokoro`.
 */
export async function createKokoroProvider(options: KokoroProviderOptions): Promise<SpeechProvider> {
  const folder = await openKokoroFolder(options.dir);
  const modelHash = await sha256Of(folder.modelPath);
  const phonemiser = await createPhonemiser({ engine: options.phonemiser });
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: new URL('./kokoro-worker.mjs', import.meta.url).href,
    minThreads: 0,
    // One worker holds one copy of the model (about 100 MB to 350 MB); onnxruntime's own threads do the rest.
    maxThreads: 1,
    idleTimeout: 60_000,
  });
  return new KokoroProvider(folder, modelHash, phonemiser, pool, Math.max(1, options.threads ?? 1));
}

class KokoroProvider implements SpeechProvider {
  readonly name = 'kokoro';
  readonly engineId: string;
  // SSML only to carry the lexicon: <phoneme> IPA goes straight to the model, <sub> is the respelling.
  readonly limits = {
    maxCharacters: 1000,
    ssml: true,
    ssmlTags: ['phoneme', 'sub'] as SsmlTag[],
    outputFormats: ['pcm_s16le' as const],
    pricePerMillionCharacters: 0,
  };
  private readonly breaks: Set<number>;

  constructor(
    private readonly folder: KokoroFolder,
    modelHash: string,
    private readonly phonemiser: Phonemiser,
    private readonly pool: import('piscina').Piscina,
    private readonly threads: number,
  ) {
    const ort = (createRequire(import.meta.url)('onnxruntime-node/package.json') as { version: string }).version;
    this.engineId = `kokoro:${basename(folder.modelPath)}@${modelHash.slice(0, 12)}+onnxruntime-node@${ort}+${phonemiser.id}`;
    this.breaks = new Set([' ', ',', '.', ';', ':', '!', '?', '—'].flatMap((symbol) => folder.vocab.get(symbol) ?? []));
  }

  async listVoices(): Promise<VoiceInfo[]> {
    return this.folder.voices;
  }

  async synthesize(request: SpeechRequest): Promise<SpeechResult> {
    const voice = this.folder.voices.find((entry) => entry.name === request.voice);
    if (!voice) {
      throw new BriefcastError(ErrorCodes.VOICE_UNKNOWN, `not in the Kokoro model folder; try one of ${this.folder.voices.map((v) => v.name).join(', ')}`, {
        subject: request.voice,
      });
    }
    const warnings: string[] = [];
    const phonemes = await this.phonemesOf(request, voice.language);
    const { ids, unknown } = tokenise(phonemes, this.folder.vocab);
    if (unknown.length > 0) warnings.push(`phonemes without a Kokoro token were skipped: ${unknown.join(' ')}`);
    if (ids.length === 0) throw new BriefcastError(ErrorCodes.TTS_TEXT_REFUSED, 'nothing speakable in the text', { subject: request.text.slice(0, 60) });
    const pieces: Float32Array[] = [];
    for (const chunk of chunkTokens(ids, this.breaks)) {
      const style = await readStyle(this.folder.dir, voice.name, chunk.length);
      const task = { modelPath: this.folder.modelPath, ids: chunk, style, speed: request.speed, threads: this.threads };
      // A hung graph is stopped (Piscina ends the worker) after a bound only a hang reaches: it grows with the
      // input and leaves room for waiting behind the other segments queued for the one worker.
      const limitMs = 120_000 + chunk.length * 1000;
      const timeout = AbortSignal.timeout(limitMs);
      const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
      try {
        pieces.push((await this.pool.run(task, { signal })) as Float32Array);
      } catch (error) {
        if (request.signal?.aborted) throw error;
        const reason = timeout.aborted ? `no result after ${limitMs} ms` : (error as Error).message;
        throw new BriefcastError(ErrorCodes.TTS_FAILED, `Kokoro synthesis failed: ${reason}`, { subject: voice.name, retryable: timeout.aborted, cause: error });
      }
    }
    const audio = toPcm16(pieces);
    if (audio.byteLength === 0) throw new BriefcastError(ErrorCodes.TTS_FAILED, 'Kokoro returned no audio', { subject: voice.name });
    return { audio, format: 'pcm_s16le', sampleRate: SAMPLE_RATE, ...(warnings.length ? { warnings } : {}) };
  }

  /** eSpeak NG's IPA for the text, with a lexicon's own IPA spliced in where the SSML carries it. */
  private async phonemesOf(request: SpeechRequest, language: string): Promise<string> {
    if (!request.ssml) return this.phonemiser.phonemise(request.text, language);
    const spoken: string[] = [];
    for (const part of ssmlParts(request.text)) {
      spoken.push('ipa' in part ? part.ipa : await this.phonemiser.phonemise(part.text, language));
    }
    return spoken
      .join(' ')
      .replace(/\s+([,.;:!?])/g, '$1')
      .replace(/\s{2,}/g, ' ')
      .trim();
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.destroy(), this.phonemiser.close()]);
  }
}

/** Float samples (-1..1) to little-endian 16-bit PCM, clipping what overshoots. */
function toPcm16(pieces: Float32Array[]): Uint8Array {
  const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
  const out = new DataView(new ArrayBuffer(total * 2));
  let offset = 0;
  for (const piece of pieces) {
    for (const sample of piece) {
      const clipped = Math.max(-1, Math.min(1, Number.isFinite(sample) ? sample : 0));
      out.setInt16(offset, Math.round(clipped * 32767), true);
      offset += 2;
    }
  }
  return new Uint8Array(out.buffer);
}
