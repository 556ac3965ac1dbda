import type { Command } from 'commander';
import { describeZodError, loadShowFile } from '../../config/load-show.js';
import { showConfigSchema, type ShowConfig } from '../../config/show-config.js';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import type { EpisodeRecord } from '../../core/episode.js';
import { createEpisode } from '../../pipeline/build-now.js';
import { createProgressReporter } from '../progress-reporter.js';
import { withApp } from '../run-command.js';
import { publicKeys } from '../../storage/keys.js';

export interface EpisodeOptions {
  show: string;
  date?: string;
  episodeId?: string;
  minutes?: string;
  voice?: string;
  writer?: string;
  draft?: boolean;
}

export function parseDate(value: string | undefined, now: Date): Date {
  if (!value) return now;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T12:00:00Z`))) {
    throw new BriefcastError(ErrorCodes.CONFIG_INVALID, 'expected a date as YYYY-MM-DD', { subject: '--date' });
  }
  return new Date(`${value}T12:00:00Z`);
}

/** Show file plus command-line overrides, validated by the same schema. */
export async function resolveShow(options: EpisodeOptions): Promise<ShowConfig> {
  const show = await loadShowFile(options.show);
  if (options.voice && show.voice.provider === 'auto') {
    // A voice name only means something to one provider, and `auto` chooses the provider per machine.
    throw new BriefcastError(ErrorCodes.CONFIG_INVALID, 'the show\'s voice is "auto"; --voice needs a show that names its provider, e.g. "voice": {"provider": "espeak"}', {
      subject: options.voice,
    });
  }
  const overridden = {
    ...show,
    ...(options.minutes ? { targetMinutes: Number(options.minutes) } : {}),
    ...(options.voice ? { voice: { ...show.voice, name: options.voice } } : {}),
  };
  const parsed = showConfigSchema.safeParse(overridden);
  if (!parsed.success) {
    throw new BriefcastError(ErrorCodes.CONFIG_INVALID, describeZodError(parsed.error), { subject: options.show });
  }
  return parsed.data;
}

export function printEpisode(record: EpisodeRecord, feedUrl: string): void {
  const lines = [`Episode ${record.id}: ${record.status}`, `  title:    ${record.title}`];
  if (record.audio) {
    lines.push(
      `  audio:    ${record.audio.url}`,
      `  length:   ${record.audio.durationSeconds.toFixed(1)} s, ${(record.audio.bytes / 1e6).toFixed(2)} MB`,
      `  loudness: ${record.audio.integratedLufs.toFixed(1)} LUFS, true peak ${record.audio.truePeakDbtp.toFixed(1)} dBTP`,
      `  segments: ${record.segments.length} (${record.segments.filter((s) => s.cached).length} from cache)`,
    );
  }
  lines.push(`  feed:     ${feedUrl}`);
  for (const warning of record.warnings ?? []) lines.push(`  warning:  ${warning.message} [${warning.code}${warning.segmentId ? ` in ${warning.segmentId}` : ''}]`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function registerCreate(program: Command): void {
  program
    .command('create')
    .description('build and publish an episode from article files, folders and URLs')
    .argument('<sources...>', 'article files (.txt, .md, .html), folders of them, or http(s) URLs')
    .requiredOption('-s, --show <file>', 'show configuration file (JSON)')
    .option('-d, --date <YYYY-MM-DD>', 'the day the briefing is for (default: today)')
    .option('--episode-id <id>', 'episode id (default: derived from the date and the articles)')
    .option('-m, --minutes <n>', 'target length in minutes (overrides the show)')
    .option('--voice <name>', 'voice name of the show\'s provider (overrides the show)')
    .option('--writer <name>', 'script writer: extractive or llm (default: the show\'s script.writer)')
    .option('--draft', 'write the script only; build the audio later with `rebuild`')
    .action(async (sources: string[], options: EpisodeOptions) => {
      await withApp(async ({ ctx, config }) => {
        const show = await resolveShow(options);
        const progress = createProgressReporter();
        const record = await createEpisode(
          ctx,
          { show, sources, date: parseDate(options.date, ctx.now()), episodeId: options.episodeId, writer: options.writer, draft: options.draft, ingest: config.ingest },
          progress,
        ).finally(() => progress.finish());
        printEpisode(record, ctx.publish.publicUrl(publicKeys.feed(show.id)));
      });
    });
}
