import ffmpeg from 'fluent-ffmpeg';
import type { EncodeSettings } from './encode-settings.js';
import { channelLayout, COMPRESSOR, masteringChain, pieceFormat } from './mastering-chains.js';
import type { MasterPass } from './mastering-passes.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { FfmpegBinaries } from './ffmpeg-binaries.js';
import type { ChapterMark } from './episode-file.js';

export type { EncodeSettings } from './encode-settings.js';

/*
 * The only module that talks to ffmpeg (through fluent-ffmpeg, archived upstream
 * in 2025: keeping it here makes it replaceable in one file).
 */

/** One piece's audio inputs, joined and compressed into a raw float file (f32le at the piece format). */
export interface CompressJob {
  inputs: string[];
  raw: string;
}

/** A compressed piece rendered to an MP3 piece with one pass's gain and limiter ceiling. */
export interface RenderJob {
  raw: string;
  seconds: number;
  pass: MasterPass;
  mp3: string;
}

export interface LoudnessMeasurement {
  integratedLufs: number;
  truePeakDbtp: number;
  loudnessRangeLu: number;
}

export interface ProbedAudio {
  durationSeconds: number;
  codec: string;
  sampleRate: number;
  channels: number;
  bitrate: number;
  chapters: ChapterMark[];
  tags: Record<string, string>;
  hasCover: boolean;
}

/** Module-wide, as fluent-ffmpeg's own capability cache is. */
let capabilitiesAsked: Promise<void> | undefined;

export class FfmpegTools {
  constructor(private readonly binaries: FfmpegBinaries) {}

  /**
   * Before a process's first command, fluent-ffmpeg runs `ffmpeg -formats` and
   * then `ffmpeg -encoders` (about 0.08 s each here) and caches the answers; two
   * first commands at once each ask. Asking once, as soon as audio work is
   * coming (see PieceMasterer.announce), takes both off the first piece's path.
   * A failure is left for the real command to report.
   */
  prepare(): Promise<void> {
    capabilitiesAsked ??= Promise.all([
      new Promise<void>((resolve) => this.command().availableFormats(() => resolve())),
      new Promise<void>((resolve) => this.command().availableEncoders(() => resolve())),
    ]).then(() => undefined);
    return capabilitiesAsked;
  }

  private command(): ffmpeg.FfmpegCommand {
    return ffmpeg().setFfmpegPath(this.binaries.ffmpeg).setFfprobePath(this.binaries.ffprobe);
  }

  private async run(command: ffmpeg.FfmpegCommand, what: string): Promise<string> {
    await this.prepare();
    return new Promise((resolve, reject) => {
      command
        .on('error', (error: Error, _stdout: string | null, stderr: string | null) => {
          reject(
            new BriefcastError(ErrorCodes.FFMPEG_FAILED, `ffmpeg failed to ${what}: ${lastLines(stderr) || error.message}`, {
              cause: error,
            }),
          );
        })
        .on('end', (_stdout: string | null, stderr: string | null) => resolve(stderr ?? ''))
        .run();
    });
  }

  /**
   * Joins each piece's inputs in the piece format and runs the compressor,
   * writing raw floats that are measured in JavaScript and then rendered. Many
   * pieces share one process: an ffmpeg start costs about a tenth of a second.
   */
  async compressPieces(jobs: CompressJob[], settings: EncodeSettings): Promise<void> {
    if (jobs.length === 0) return;
    const command = this.command();
    const graph: string[] = [];
    let next = 0;
    jobs.forEach((job, piece) => {
      const labels = job.inputs.map((input) => {
        command.input(input);
        const label = `i${next}`;
        graph.push(`[${next++}:a]${pieceFormat(settings)}[${label}]`);
        return `[${label}]`;
      });
      const joined = labels.length === 1 ? labels[0]! : `${labels.join('')}concat=n=${labels.length}:v=0:a=1,`;
      graph.push(`${joined}${COMPRESSOR}[c${piece}]`);
      command.output(job.raw).outputOptions(['-map', `[c${piece}]`, ...rawFormat(settings)]);
    });
    command.complexFilter(graph);
    await this.run(command, 'compress speech');
  }

  /** Renders compressed pieces to MP3 in one process. */
  async renderPieces(jobs: RenderJob[], settings: EncodeSettings): Promise<void> {
    if (jobs.length === 0) return;
    const command = this.command();
    const graph: string[] = [];
    jobs.forEach((job, index) => {
      command.input(job.raw).inputOptions(rawFormat(settings));
      graph.push(`[${index}:a]${masteringChain(job.pass, job.seconds, settings)}[p${index}]`);
      this.mp3Piece(command, job.mp3, settings, ['-map', `[p${index}]`]);
    });
    command.complexFilter(graph);
    await this.run(command, 'master speech');
  }

  /** Decodes finished MP3 pieces to raw floats in one process, for measuring what listeners will hear. */
  async decodePieces(jobs: Array<{ mp3: string; raw: string }>, settings: EncodeSettings): Promise<void> {
    if (jobs.length === 0) return;
    const command = this.command();
    jobs.forEach((job) => command.input(job.mp3));
    jobs.forEach((job, index) => command.output(job.raw).outputOptions(['-map', `${index}:a`, ...rawFormat(settings)]));
    await this.run(command, 'decode pieces');
  }

  /** Digital silence as an MP3 piece of the same format. */
  async renderSilence(milliseconds: number, output: string, settings: EncodeSettings): Promise<void> {
    const command = this.command()
      .input(`anullsrc=r=${settings.sampleRate}:cl=${channelLayout(settings)}`)
      .inputFormat('lavfi')
      .outputOptions(['-t', (milliseconds / 1000).toFixed(3)]);
    this.mp3Piece(command, output, settings);
    await this.run(command, 'render silence');
  }

  /** Pieces carry no tags and no Xing header, so their frames can be joined byte for byte. */
  private mp3Piece(command: ffmpeg.FfmpegCommand, output: string, settings: EncodeSettings, extra: string[] = []): void {
    // Output first: fluent-ffmpeg applies the options that follow to the output just named.
    command
      .output(output)
      .outputOptions(extra)
      .audioCodec('libmp3lame')
      .audioBitrate(settings.bitrateKbps)
      .audioFrequency(settings.sampleRate)
      .audioChannels(settings.channels)
      .outputOptions(['-write_xing', '0', '-id3v2_version', '0', '-map_metadata', '-1'])
      .format('mp3');
  }

  /** EBU R128 integrated loudness and true peak, as podcast apps and Apple measure them. */
  async measureLoudness(file: string): Promise<LoudnessMeasurement> {
    const command = this.command()
      .input(file)
      .audioFilters('ebur128=peak=true:framelog=verbose')
      .outputOptions(['-f', 'null'])
      .output('-');
    const result = parseLoudnessSummary(await this.run(command, 'measure loudness'));
    if (Number.isNaN(result.integratedLufs) || Number.isNaN(result.truePeakDbtp)) {
      throw new BriefcastError(ErrorCodes.FFMPEG_FAILED, 'could not read the loudness summary from ffmpeg', { subject: file });
    }
    return result;
  }

  probe(file: string): Promise<ProbedAudio> {
    return new Promise((resolve, reject) => {
      ffmpeg.setFfprobePath(this.binaries.ffprobe);
      ffmpeg.ffprobe(file, ['-show_chapters'], (error, data) => {
        if (error) return reject(new BriefcastError(ErrorCodes.FFMPEG_FAILED, `ffprobe failed: ${error.message}`, { subject: file }));
        const audio = data.streams.find((s) => s.codec_type === 'audio');
        const chapters = (data.chapters ?? []).map((chapter) => {
          const c = chapter as unknown as { start_time: string | number; end_time: string | number; tags?: { title?: string }; TAG?: { title?: string } };
          return { title: c.tags?.title ?? c.TAG?.title ?? '', startSeconds: Number(c.start_time), endSeconds: Number(c.end_time) };
        });
        resolve({
          durationSeconds: Number(data.format.duration ?? 0),
          codec: audio?.codec_name ?? '',
          sampleRate: Number(audio?.sample_rate ?? 0),
          channels: Number(audio?.channels ?? 0),
          bitrate: Number(data.format.bit_rate ?? 0),
          chapters,
          tags: (data.format.tags ?? {}) as Record<string, string>,
          hasCover: data.streams.some((s) => s.codec_type === 'video'),
        });
      });
    });
  }
}

/** Reads the Summary block ebur128 prints at the end; values it did not print come back as NaN. */
function parseLoudnessSummary(stderr: string): LoudnessMeasurement {
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  const integrated = /I:\s+(-?[\d.]+|-inf) LUFS/.exec(summary)?.[1];
  const peak = /Peak:\s+(-?[\d.]+|-inf) dBFS/.exec(summary)?.[1];
  const range = /LRA:\s+(-?[\d.]+) LU/.exec(summary)?.[1];
  return {
    integratedLufs: integrated === undefined ? Number.NaN : parseLevel(integrated),
    truePeakDbtp: peak === undefined ? Number.NaN : parseLevel(peak),
    loudnessRangeLu: range === undefined ? 0 : Number(range),
  };
}

function parseLevel(value: string): number {
  return value === '-inf' ? Number.NEGATIVE_INFINITY : Number(value);
}

function lastLines(stderr: string | null | undefined): string {
  return (stderr ?? '').trim().split('\n').slice(-3).join(' ').slice(0, 400);
}

/** Raw interleaved 32-bit floats at the piece format: what the JavaScript meters read. */
function rawFormat(settings: EncodeSettings): string[] {
  return ['-f', 'f32le', '-ac', String(settings.channels), '-ar', String(settings.sampleRate)];
}
