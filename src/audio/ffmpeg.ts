import ffmpeg from 'fluent-ffmpeg';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { SAMPLES_PER_MP3_FRAME, type EncodeSettings } from './encode-settings.js';

export type { EncodeSettings } from './encode-settings.js';
import { frameEnergies } from './loudness-blocks.js';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { FfmpegBinaries } from './ffmpeg-binaries.js';

/**
 * The only module that talks to ffmpeg (through fluent-ffmpeg, archived upstream
 * in 2025: keeping it here makes it replaceable in one file).
 */
export interface Id3Tags {
  title: string;
  artist: string;
  album: string;
  date: string;
  comment?: string;
  genre?: string;
}

export interface ChapterMark {
  title: string;
  startSeconds: number;
  endSeconds: number;
}

export interface MasterOutputs {
  /** The podcast piece. */
  podcast?: string;
  /** The smart-speaker twin: gain and a true-peak limiter on top of the podcast mastering. */
  speaker?: { path: string; pass: SpeakerPass };
}

export interface SpeakerPass {
  gainDb: number;
  ceilingDb: number;
}

export interface PieceAnalysis {
  energies: Float64Array;
  /** Null for digital silence. */
  truePeakDbtp: number | null;
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

export class FfmpegTools {
  constructor(private readonly binaries: FfmpegBinaries) {}

  private command(): ffmpeg.FfmpegCommand {
    return ffmpeg().setFfmpegPath(this.binaries.ffmpeg).setFfprobePath(this.binaries.ffprobe);
  }

  private run(command: ffmpeg.FfmpegCommand, what: string): Promise<string> {
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
   * Speech to finished MP3 pieces in two cheap passes instead of one loudnorm
   * pass (loudnorm upsamples to 192 kHz and cost 2.5 times as much here):
   * 1. measure the integrated loudness after the compressor that evens out TTS peaks;
   * 2. apply the compressor again, the exact gain to the target (plus `levelOffsetLu`,
   *    e.g. music under the speech level), a peak limiter, and a few milliseconds of
   *    fade at each edge so pieces butt together without clicks. The same run can
   *    also write the louder smart-speaker twin of the piece from the same signal.
   */
  async masterSpeech(inputs: string[], outputs: MasterOutputs, settings: EncodeSettings, levelOffsetLu = 0): Promise<void> {
    const analysis = this.command();
    this.joinInputs(analysis, inputs, settings, `${COMPRESSOR},ebur128=framelog=verbose`);
    analysis.outputOptions(['-map', '[out]', '-f', 'null']).output('-');
    const measured = parseLoudnessSummary(await this.run(analysis, 'measure speech'));

    // Very short or silent input has no gated loudness: leave its level alone rather than amplify noise.
    const correction = Number.isFinite(measured.integratedLufs) && measured.integratedLufs > -60
      ? Math.max(-30, Math.min(30, settings.targetLufs + levelOffsetLu + LIMITER_ALLOWANCE_LU - measured.integratedLufs))
      : 0;
    const limit = Math.pow(10, settings.truePeakDb / 20).toFixed(4);
    const podcastChain = [COMPRESSOR, `volume=${correction.toFixed(2)}dB`, `alimiter=limit=${limit}:attack=2:release=40:level=false`, 'afade=t=in:d=0.008', 'areverse,afade=t=in:d=0.008,areverse'].join(',');
    // Both renditions come from one process: the twin is split off after the
    // podcast chain, so the compressor and limiter run once and one spawn is saved.
    // Pieces render in parallel across the episode, which keeps the cores busy.
    const render = this.command();
    if (outputs.podcast && outputs.speaker) {
      this.joinInputs(render, inputs, settings, `${podcastChain},asplit=2[podcast][twin];[twin]${speakerChain(outputs.speaker.pass, settings)}`);
      this.mp3Piece(render, outputs.podcast, settings, ['-map', '[podcast]']);
      this.mp3Piece(render, outputs.speaker.path, settings, ['-map', '[out]']);
    } else if (outputs.speaker) {
      this.joinInputs(render, inputs, settings, `${podcastChain},${speakerChain(outputs.speaker.pass, settings)}`);
      this.mp3Piece(render, outputs.speaker.path, settings, ['-map', '[out]']);
    } else if (outputs.podcast) {
      this.joinInputs(render, inputs, settings, podcastChain);
      this.mp3Piece(render, outputs.podcast, settings, ['-map', '[out]']);
    } else {
      return;
    }
    await this.run(render, outputs.podcast ? 'master speech' : 'master the speaker twin');
  }

  /**
   * Decodes finished pieces once: each piece's true peak from ebur128 and its
   * K-weighted energy per MP3 frame (computed here from the decoded samples),
   * which is all an episode's loudness figures need later.
   */
  async analysePieces(files: string[], settings: EncodeSettings): Promise<PieceAnalysis[]> {
    const command = this.command();
    const graph: string[] = [];
    files.forEach((file, index) => {
      command.input(file);
      graph.push(`[${index}:a]ebur128@piece${index}=peak=true:framelog=verbose[m${index}]`);
    });
    command.complexFilter(graph);
    const raws = files.map((file) => `${file}.f32`);
    raws.forEach((raw, index) => {
      command.output(raw).outputOptions(['-map', `[m${index}]`, '-f', 'f32le', '-ac', String(settings.channels), '-ar', String(settings.sampleRate)]);
    });
    const stderr = await this.run(command, 'analyse pieces');
    return Promise.all(
      raws.map(async (raw, index) => {
        const bytes = await readFile(raw);
        await rm(raw, { force: true });
        const samples = new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4));
        const peak = parseLoudnessSummary(namedSummary(stderr, `ebur128@piece${index}`)).truePeakDbtp;
        return {
          energies: frameEnergies(samples, settings.channels, settings.sampleRate, SAMPLES_PER_MP3_FRAME),
          truePeakDbtp: Number.isFinite(peak) ? peak : null,
        };
      }),
    );
  }

  /** Resamples every input to the piece format, joins them, and runs `chain` on the result, labelled [out]. */
  private joinInputs(command: ffmpeg.FfmpegCommand, inputs: string[], settings: EncodeSettings, chain: string): void {
    for (const input of inputs) command.input(input);
    const format = `aresample=${settings.sampleRate},aformat=sample_fmts=fltp:channel_layouts=${layout(settings)}`;
    if (inputs.length === 1) {
      command.complexFilter([`[0:a]${format},${chain}[out]`]);
      return;
    }
    const prepared = inputs.map((_, index) => `[${index}:a]${format}[s${index}]`);
    const concat = `${inputs.map((_, index) => `[s${index}]`).join('')}concat=n=${inputs.length}:v=0:a=1,${chain}[out]`;
    command.complexFilter([...prepared, concat]);
  }

  /** Digital silence as an MP3 piece of the same format. */
  async renderSilence(milliseconds: number, output: string, settings: EncodeSettings): Promise<void> {
    const command = this.command()
      .input(`anullsrc=r=${settings.sampleRate}:cl=${layout(settings)}`)
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

  /**
   * Joins finished pieces without re-encoding (stream copy) and writes ID3v2
   * tags, CHAP/CTOC chapters and cover art in the same pass: stitching costs a
   * file copy, not an encode.
   */
  async concatenate(listFile: string, metadataFile: string, output: string, coverPath?: string): Promise<void> {
    const command = this.command()
      .input(listFile)
      .inputOptions(['-f', 'concat', '-safe', '0'])
      .input(metadataFile)
      .inputOptions(['-f', 'ffmetadata']);
    const options = ['-map', '0:a', '-map_metadata', '1', '-map_chapters', '1', '-c:a', 'copy', '-id3v2_version', '3'];
    if (coverPath) {
      command.input(coverPath);
      options.push('-map', '2:v', '-c:v', 'copy', '-disposition:v', 'attached_pic', '-metadata:s:v', 'title=Cover', '-metadata:s:v', 'comment=Cover (front)');
    }
    // Spread, not an array: fluent-ffmpeg splits a lone array element at its space ("comment=Cover (front)").
    command.outputOptions(...options).format('mp3').output(output);
    await this.run(command, 'stitch the episode');
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

/** Writes an ffmetadata file: global ID3 tags and one chapter per story. */
export async function writeFfmetadata(path: string, tags: Id3Tags, chapters: ChapterMark[]): Promise<void> {
  const lines = [';FFMETADATA1'];
  for (const [key, value] of Object.entries(tags)) if (value) lines.push(`${key}=${escapeMetadata(value)}`);
  for (const chapter of chapters) {
    lines.push('[CHAPTER]', 'TIMEBASE=1/1000', `START=${Math.round(chapter.startSeconds * 1000)}`, `END=${Math.round(chapter.endSeconds * 1000)}`);
    lines.push(`title=${escapeMetadata(chapter.title)}`);
  }
  await writeFile(path, `${lines.join('\n')}\n`, 'utf8');
}

/** ffmetadata escapes '=', ';', '#', '\' and newlines with a backslash. */
function escapeMetadata(value: string): string {
  return value.replace(/[=;#\\\n]/g, (char) => `\\${char}`);
}

/** One line of the concat demuxer's list; quotes in paths are escaped the way it expects. */
export function concatListLine(path: string): string {
  return `file '${path.replace(/'/g, "'\\''")}'`;
}

/** The limiter takes about half a unit off speech that was raised to the target (measured on eSpeak NG and flite output). */
const LIMITER_ALLOWANCE_LU = 0.5;

/** Evens out the sharp peaks of synthetic speech before gain, so the limiter rarely has to act. */
const COMPRESSOR = 'acompressor=threshold=-24dB:ratio=4:attack=5:release=100:makeup=2';

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

/**
 * The speaker twin's chain: gain, then a lookahead limiter run at four times
 * the sample rate so it catches the inter-sample peaks a true-peak meter sees.
 */
function speakerChain(pass: SpeakerPass, settings: EncodeSettings): string {
  // alimiter's limit is linear, from 0.0625 (-24 dBFS) to 1; level=0: no automatic make-up gain.
  const limit = Math.min(1, Math.max(0.0625, 10 ** (pass.ceilingDb / 20)));
  return [
    `volume=${pass.gainDb.toFixed(2)}dB`,
    `aresample=${settings.sampleRate * 4}`,
    `alimiter=limit=${limit.toFixed(4)}:level=0:attack=1:release=10`,
    `aresample=${settings.sampleRate}`,
  ].join(',');
}

/** The last Summary block printed by the filter instance `name` (ffmpeg prints one per graph it configures). */
function namedSummary(stderr: string, name: string): string {
  const start = stderr.lastIndexOf(`[${name} @`);
  if (start < 0) return '';
  const rest = stderr.slice(start);
  const next = rest.indexOf('\n[', 1);
  return next < 0 ? rest : rest.slice(0, next);
}

function layout(settings: EncodeSettings): string {
  return settings.channels === 1 ? 'mono' : 'stereo';
}

function parseLevel(value: string): number {
  return value === '-inf' ? Number.NEGATIVE_INFINITY : Number(value);
}

function lastLines(stderr: string | null | undefined): string {
  return (stderr ?? '').trim().split('\n').slice(-3).join(' ').slice(0, 400);
}
