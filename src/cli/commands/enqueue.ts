import type { Command } from 'commander';
import { loadConfig } from '../../config/env.js';
import { ingestAndClean } from '../../pipeline/build-now.js';
import { createProgressReporter } from '../progress-reporter.js';
import { reportError } from '../run-command.js';
import { publicKeys } from '../../storage/keys.js';
import { parseDate, printEpisode, resolveShow, type EpisodeOptions } from './create.js';

interface EnqueueOptions extends EpisodeOptions {
  wait?: boolean;
}

/**
 * `briefcast enqueue`: reads the articles here (local files and URLs), puts
 * them in storage and hands the episode to the workers. The same episode
 * enqueued twice is built once.
 */
export function registerEnqueue(program: Command): void {
  program
    .command('enqueue')
    .description('queue an episode for the workers (distributed mode: REDIS_URL, BRIEFCAST_STORAGE=s3)')
    .argument('<sources...>', 'article files (.txt, .md, .html), folders of them, or http(s) URLs')
    .requiredOption('-s, --show <file>', 'show configuration file (JSON)')
    .option('-d, --date <YYYY-MM-DD>', 'the day the briefing is for (default: today)')
    .option('--episode-id <id>', 'episode id (default: derived from the date and the articles)')
    .option('-m, --minutes <n>', 'target length in minutes (overrides the show)')
    .option('--voice <name>', "voice name of the show's provider (overrides the show)")
    .option('--writer <name>', 'script writer', 'extractive')
    .option('-w, --wait', 'wait until the episode is published or failed, and print it')
    .action(async (sources: string[], options: EnqueueOptions) => {
      let close: (() => Promise<void>) | undefined;
      try {
        const config = loadConfig();
        const { createDistributedApp } = await import('../../queue/distributed-app.js');
        const distributed = createDistributedApp(config);
        close = distributed.close;
        const { ctx } = distributed.app;
        const show = await resolveShow(options);
        const progress = createProgressReporter();
        const articles = await ingestAndClean(sources, config.ingest, progress).finally(() => progress.finish());
        const result = await distributed.episodes.submit({ show, articles, date: parseDate(options.date, ctx.now()), episodeId: options.episodeId, writer: options.writer });
        process.stdout.write(`Episode ${show.id}/${result.record.id}: ${result.created ? 'queued' : `already ${result.record.status}`}\n`);
        if (options.wait) {
          const record = await distributed.episodes.finished({ showId: show.id, episodeId: result.record.id });
          printEpisode(record, ctx.publish.publicUrl(publicKeys.feed(show.id)));
          if (record.status === 'failed') {
            process.stderr.write(`briefcast: ${record.error?.message ?? 'episode failed'}\n`);
            process.exitCode = 1;
          }
        }
      } catch (error) {
        reportError(error);
      } finally {
        await close?.();
      }
    });
}
