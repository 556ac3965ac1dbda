import { open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodingFingerprint, SAMPLES_PER_MP3_FRAME, type EncodeSettings } from './encode-settings.js';
import type { FfmpegTools, RenderJob } from './ffmpeg.js';
import { ENCODE_LOSS_LU, limitedLoudness, LimiterEnvelopeMeter } from './limiter-estimate.js';
import { combineLoudness } from './loudness-blocks.js';
import { bestPass, firstPass, nextPass, passAccepted, passesLeft, type LoudnessPrediction, type MasterPass, type MeasuredPass, type PassTarget } from './mastering-passes.js';
import { countMp3Frames } from './mp3-frames.js';
import { GAIN_STEP_DB, gainStepEnergyFactor, raiseMp3Gain } from './mp3-gain.js';
import { analyseSampleFile, type PieceAnalysis } from './sample-analysis.js';
import { PODCAST_PEAK_FOR_TWIN_DBTP, TWIN_GAIN_STEPS } from './speaker-rendition.js';
import { riddenSpeakerTwin, twinFitsEverywhere } from './speaker-twin.js';

export interface MasterRequest {
  /** Audio files in speaking order (any format ffmpeg reads). */
  inputs: string[];
  /** A private folder for this piece's files; the results are written here. */
  dir: string;
  settings: EncodeSettings;
  /** Loudness relative to the speech target (music sits under it). */
  levelOffsetLu?: number;
}

export interface MasteredPiece {
  podcast: string;
  podcastAnalysis: PieceAnalysis;
  /** The speaker twin: the podcast piece raised by `twinGainSteps` lossless gain steps (but for frames around peaks without the headroom, see speaker-twin.ts). */
  speaker: string;
  speakerAnalysis: PieceAnalysis;
  /** 0 when the piece kept too little peak headroom for the step (the twin is then the piece itself). */
  twinGainSteps: number;
  /** Frames of the twin left at the podcast piece's gain, around peaks without the headroom (speaker-twin.ts). */
  twinRiddenFrames: number;
  /** MP3 frames of the piece, and so of its twin (the gain step changes no frame's length). */
  frames: number;
  passes: number;
}

export interface PieceMastererOptions {
  /** Batches run at once: one per core keeps the cores busy without oversubscribing them. */
  slots: number;
  /** Most pieces in one batch. */
  maxBatch?: number;
  /**
   * Whether every piece this process will master soon is announced (see announce): true for the
   * embedded build, which starts all of an episode's pieces at once. A queue worker's next pieces
   * come from jobs it has not taken yet, so it keeps the timing rule alone (false), and its batches
   * still gather pieces from the jobs that follow.
   */
  announcesEveryPiece?: boolean;
  /** How long a batch waits after the last arrival, and at most after its first (defaults below). */
  quietMs?: number;
  lingerMs?: number;
}

/** A piece announced before its synthesis: `arrived` once it is handed to `master`, `cancelled` if it never will be. */
export interface PieceArrival {
  arrived(): void;
  cancelled(): void;
}

interface Waiting {
  arrivedAt: number;
  /** Rough length of the piece, to share the waiting work fairly between slots. */
  seconds: number;
  request: MasterRequest;
  /** Handed over with an announcement (see announce): it does not wait for pieces that are not coming. */
  announced: boolean;
  resolve: (piece: MasteredPiece) => void;
  reject: (error: unknown) => void;
}

/** One piece's state through a batch. */
interface Work {
  request: MasterRequest;
  target: PassTarget;
  raw: string;
  seconds: number;
  /** `decoded`: the render decoded to raw floats, kept only when its twin must ride peaks (speaker-twin.ts scans it). */
  renders: Array<{ mp3: string; pass: MasterPass; analysis?: PieceAnalysis; decoded?: string }>;
  passes: MeasuredPass[];
}

/**
 * How long a batch waits for more pieces after the last arrival, and at most
 * after its first. Each batch costs three ffmpeg starts (about 0.08 s of CPU
 * each for Debian's build), so a fast engine's pieces, which arrive tens of ms
 * apart, are worth gathering; a slow engine's pause longer than this between
 * pieces and are mastered one by one while it speaks.
 */
const QUIET_MS = 100;
const LINGER_MS = 600;

/**
 * Most audio in one batch. Past a few minutes the ffmpeg starts a batch saves
 * are a small part of its work, and a long batch holds one core while the other
 * may run dry: a long episode's last dozen pieces (and their second passes)
 * took 15 s on one core in one batch. The examples' batches hold about 150 s.
 */
const MAX_BATCH_SECONDS = 180;

/** Podcast pieces land within this of the target, so an episode of them lands well within its ±0.5 LU. */
const PIECE_TOLERANCE_LU = 0.3;

/**
 * Masters pieces in batches: the pieces waiting when a slot frees share three
 * ffmpeg processes (compress, render, decode for measuring) instead of three
 * each; measuring is done in JavaScript on the raw samples. Each piece is
 * mastered once, with room under its peak for the speaker twin's gain step.
 * Slots start a batch as soon as any piece waits, so a slow engine's pieces are
 * mastered one by one while it speaks, and a fast engine's pieces in groups.
 * A batch that fails is retried piece by piece, so one bad input fails alone.
 */
export class PieceMasterer {
  private readonly waiting: Waiting[] = [];
  private running = 0;
  private readonly maxBatch: number;
  private readonly quietMs: number;
  private readonly lingerMs: number;
  private lastArrival = 0;
  private lingering?: NodeJS.Timeout;
  /** Pieces being synthesised that were announced: while none is, no batch waits for more. */
  private announced = 0;

  constructor(
    private readonly ffmpeg: FfmpegTools,
    private readonly options: PieceMastererOptions,
  ) {
    this.maxBatch = Math.max(1, options.maxBatch ?? 12);
    this.quietMs = options.quietMs ?? QUIET_MS;
    this.lingerMs = options.lingerMs ?? LINGER_MS;
  }

  /**
   * Announces a piece whose synthesis is starting. When no announced piece is
   * still being synthesised, the waiting pieces are all there will be for now,
   * so their batch starts at once instead of after the quiet time: a rebuild's
   * one changed story, or the last pieces of a build.
   */
  announce(): PieceArrival {
    void this.ffmpeg.prepare();
    let open = true;
    this.announced += 1;
    const settle = () => {
      if (!open) return;
      open = false;
      this.announced -= 1;
    };
    return {
      arrived: settle,
      cancelled: () => {
        settle();
        if (this.waiting.length > 0) this.pump();
      },
    };
  }

  async master(request: MasterRequest, arrival?: PieceArrival): Promise<MasteredPiece> {
    const seconds = await estimateSeconds(request.inputs);
    return new Promise((resolve, reject) => {
      this.lastArrival = performance.now();
      this.waiting.push({ arrivedAt: this.lastArrival, seconds, request, announced: arrival !== undefined, resolve, reject });
      arrival?.arrived();
      this.pump();
    });
  }

  /**
   * A batch starts when it is full, when arrivals pause, or when its first
   * piece has waited long enough: a fast engine's pieces then share batches,
   * and a slow engine's pieces wait a few tens of milliseconds at most.
   */
  private ready(): boolean {
    const now = performance.now();
    // Pieces handed over without an announcement (music, direct callers) keep the timing rule alone.
    const nothingComing = this.options.announcesEveryPiece !== false && this.announced === 0 && this.waiting.every((entry) => entry.announced);
    return nothingComing || this.waiting.length >= this.maxBatch || now - this.lastArrival >= this.quietMs || now - this.waiting[0]!.arrivedAt >= this.lingerMs;
  }

  private pump(): void {
    if (this.lingering) {
      clearTimeout(this.lingering);
      this.lingering = undefined;
    }
    while (this.running < Math.max(1, this.options.slots) && this.waiting.length > 0) {
      if (!this.ready()) {
        this.lingering = setTimeout(() => this.pump(), this.quietMs);
        return;
      }
      // A batch is one process on one core: it takes its share of the waiting audio among the idle
      // slots. A busy slot is not waited for: it frees up after this batch has started.
      const idleSlots = Math.max(1, this.options.slots) - this.running;
      const share = this.waiting.reduce((sum, entry) => sum + entry.seconds, 0) / idleSlots;
      const fingerprint = encodingFingerprint(this.waiting[0]!.request.settings);
      // Longest first: a long piece that is a slot's whole share goes alone, so a rebuild's changed
      // story and a short piece beside it are rendered on two cores, not one after the other on one.
      const longestFirst = this.waiting.filter((entry) => encodingFingerprint(entry.request.settings) === fingerprint).sort((a, b) => b.seconds - a.seconds);
      const batch: Waiting[] = [];
      let taken = 0;
      for (const entry of longestFirst) {
        if (batch.length >= this.maxBatch || (batch.length > 0 && (taken >= share || taken + entry.seconds > MAX_BATCH_SECONDS))) break;
        batch.push(entry);
        taken += entry.seconds;
      }
      for (const entry of batch) this.waiting.splice(this.waiting.indexOf(entry), 1);
      this.running += 1;
      void this.settle(batch).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  private async settle(batch: Waiting[]): Promise<void> {
    try {
      const pieces = await this.masterBatch(batch.map((entry) => entry.request));
      batch.forEach((entry, index) => entry.resolve(pieces[index]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const entry of batch) {
        await this.masterBatch([entry.request]).then(([piece]) => entry.resolve(piece!), entry.reject);
      }
    }
  }

  private async masterBatch(requests: MasterRequest[]): Promise<MasteredPiece[]> {
    const settings = requests[0]!.settings;
    const raws = requests.map((request) => join(request.dir, 'compressed.f32'));
    await this.ffmpeg.compressPieces(requests.map((request, index) => ({ inputs: request.inputs, raw: raws[index]! })), settings);
    const work: Work[] = [];
    for (const [index, request] of requests.entries()) {
      // One piece's envelope at a time (8 bytes per 32 samples): a batch of long pieces would hold tens of MB.
      const raw = raws[index]!;
      const { compressed, sampleFrames, predict } = await measureCompressed(raw, settings);
      const piece: Work = { request, target: passTarget(request, settings, compressed), raw, seconds: sampleFrames / settings.sampleRate, renders: [], passes: [] };
      this.addRender(piece, firstPass(piece.target, predict));
      work.push(piece);
    }
    // Pieces that missed their target get another pass (rare: the prediction, measured again, is corrected by what the last pass measured).
    for (let pending = work; pending.length > 0; pending = this.unfinished(pending)) {
      if (pending !== work) {
        for (const piece of pending) this.addRender(piece, nextPass(piece.target, piece.passes, (await measureCompressed(piece.raw, settings)).predict)!);
      }
      await this.render(pending, settings);
    }
    await Promise.all(work.map((piece) => rm(piece.raw, { force: true })));
    // One after the other: each holds its piece's MP3 and the twin's copy in memory.
    const finished: MasteredPiece[] = [];
    for (const piece of work) finished.push(await this.finish(piece, settings));
    await Promise.all(work.flatMap((piece) => piece.renders.map((render) => render.decoded && rm(render.decoded, { force: true }))));
    return finished;
  }

  private addRender(piece: Work, pass: MasterPass): void {
    piece.renders.push({ mp3: join(piece.request.dir, `piece-${piece.renders.length}.mp3`), pass });
  }

  /** Renders each piece's newest pass, then decodes and measures what was written. */
  private async render(work: Work[], settings: EncodeSettings): Promise<void> {
    const jobs: RenderJob[] = work.map((piece) => ({ raw: piece.raw, seconds: piece.seconds, pass: piece.renders.at(-1)!.pass, mp3: piece.renders.at(-1)!.mp3 }));
    await this.ffmpeg.renderPieces(jobs, settings);
    const decoded = jobs.map((job) => ({ mp3: job.mp3, raw: `${job.mp3}.f32` }));
    await this.ffmpeg.decodePieces(decoded, settings);
    for (const [index, piece] of work.entries()) {
      const analysis = await analyseSampleFile(decoded[index]!.raw, settings.channels, settings.sampleRate, SAMPLES_PER_MP3_FRAME);
      const render = piece.renders.at(-1)!;
      render.analysis = analysis;
      if (twinFitsEverywhere(analysis.truePeakDbtp)) await rm(decoded[index]!.raw, { force: true });
      else render.decoded = decoded[index]!.raw;
      const { integratedLufs } = combineLoudness([analysis], settings.sampleRate, SAMPLES_PER_MP3_FRAME);
      piece.passes.push({ ...render.pass, seconds: (analysis.energies.length * SAMPLES_PER_MP3_FRAME) / settings.sampleRate, integratedLufs, truePeakDbtp: analysis.truePeakDbtp });
    }
  }

  private unfinished(work: Work[]): Work[] {
    return work.filter((piece) => !passAccepted(piece.target, piece.passes.at(-1)!) && passesLeft(piece.target, piece.passes));
  }

  /**
   * Keeps the best pass and writes its speaker twin by raising the gain of its
   * frames: all of them when the piece kept the headroom, else all but those
   * around the peaks that would overshoot (speaker-twin.ts).
   */
  private async finish(piece: Work, settings: EncodeSettings): Promise<MasteredPiece> {
    const best = piece.renders[bestPass(piece.target, piece.passes)]!;
    const analysis = best.analysis!;
    const peak = analysis.truePeakDbtp;
    const speaker = join(piece.request.dir, 'speaker.mp3');
    const bytes = await readFile(best.mp3);
    const done = (speakerAnalysis: PieceAnalysis, steps: number, riddenFrames = 0): MasteredPiece => ({
      podcast: best.mp3,
      podcastAnalysis: analysis,
      speaker,
      speakerAnalysis,
      twinGainSteps: steps,
      twinRiddenFrames: riddenFrames,
      frames: countMp3Frames(bytes),
      passes: piece.passes.length,
    });
    if (twinFitsEverywhere(peak)) {
      await writeFile(speaker, raiseMp3Gain(bytes, TWIN_GAIN_STEPS).bytes);
      const factor = gainStepEnergyFactor(TWIN_GAIN_STEPS);
      return done({ energies: analysis.energies.map((energy) => energy * factor), truePeakDbtp: peak === null ? null : peak + TWIN_GAIN_STEPS * GAIN_STEP_DB }, TWIN_GAIN_STEPS);
    }
    const decode = (mp3: string, raw: string) => this.ffmpeg.decodePieces([{ mp3, raw }], settings);
    const ridden = await riddenSpeakerTwin({ bytes, decoded: best.decoded!, speaker, decode }, settings);
    if (ridden) return done(ridden.analysis, TWIN_GAIN_STEPS, ridden.riddenFrames);
    await writeFile(speaker, bytes);
    return done(analysis, 0);
  }
}

/** Measures a piece's compressed speech: its loudness and sample peak, and the loudness each pass is predicted to reach. */
async function measureCompressed(raw: string, settings: EncodeSettings): Promise<{ compressed: PassTarget['compressed']; sampleFrames: number; predict: LoudnessPrediction }> {
  const sampleFrames = (await stat(raw)).size / (4 * settings.channels);
  // The sample peak is enough before mastering (sample-analysis.ts), at a fraction of the true peak's cost.
  const meter = new LimiterEnvelopeMeter(settings.channels, sampleFrames);
  const { energies, truePeakDbtp } = await analyseSampleFile(raw, settings.channels, settings.sampleRate, SAMPLES_PER_MP3_FRAME, 'sample', meter);
  const envelope = meter.finish();
  return {
    compressed: { integratedLufs: combineLoudness([{ energies }], settings.sampleRate, SAMPLES_PER_MP3_FRAME).integratedLufs, truePeakDbtp },
    sampleFrames,
    predict: (pass) => limitedLoudness(envelope, energies, pass.gainDb, pass.ceilingDb, settings.sampleRate, SAMPLES_PER_MP3_FRAME) - ENCODE_LOSS_LU,
  };
}

function passTarget(request: MasterRequest, settings: EncodeSettings, compressed: PassTarget['compressed']): PassTarget {
  return {
    compressed,
    integratedLufs: settings.targetLufs + (request.levelOffsetLu ?? 0),
    // Aimed under the twin's headroom; accepted up to the podcast ceiling (the twin then rides the few peaks over it).
    truePeakDbtp: Math.min(settings.truePeakDb, PODCAST_PEAK_FOR_TWIN_DBTP),
    peakLimitDbtp: settings.truePeakDb,
    toleranceLu: PIECE_TOLERANCE_LU,
    maxPasses: 3,
  };
}

/** Seconds of audio in the inputs, from WAV headers, or guessed from the size of compressed files (128 kbit/s). */
async function estimateSeconds(inputs: string[]): Promise<number> {
  let total = 0;
  for (const input of inputs) {
    try {
      const { size } = await stat(input);
      const header = input.endsWith('.wav') ? await readHead(input, 44) : undefined;
      const byteRate = header && header.length === 44 && header.toString('latin1', 0, 4) === 'RIFF' ? header.readUInt32LE(28) : 0;
      total += byteRate > 0 ? Math.max(0, size - 44) / byteRate : size / 16_000;
    } catch {
      // Unreadable here: ffmpeg reports it properly when the batch runs.
    }
  }
  return total;
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
