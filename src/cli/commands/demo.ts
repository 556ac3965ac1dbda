import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createEpisode } from '../../pipeline/build-now.js';
import { createProgressReporter } from '../progress-reporter.js';
import { withApp } from '../run-command.js';
import { publicKeys } from '../../storage/keys.js';
import { printEpisode, resolveShow } from './create.js';
import { startServer } from './serve.js';
import { demoVoiceLines } from '../demo-voice.js';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('build an episode from examples/ into the published folder and serve it')
    .option('--no-serve', 'build only, do not start the server')
    .option('-p, --port <port>', 'port for the server')
    .option('-m, --minutes <n>', 'target length in minutes (default: the example show\'s 5)')
    .action(async (options: { serve: boolean; port?: string; minutes?: string }) => {
      let serveFrom: { publishDir: string; host: string; port: number; feedUrl: string } | undefined;
      await withApp(
        async ({ ctx, config }) => {
          const show = await resolveShow({ show: join(examples, 'show.json'), minutes: options.minutes });
          process.stderr.write(`Building "${show.title}" from ${examples}\n`);
          const progress = createProgressReporter();
          const record = await createEpisode(ctx, { show, sources: [examples], date: ctx.now(), ingest: config.ingest }, progress).finally(() =>
            progress.finish(),
          );
          const feedUrl = ctx.publish.publicUrl(publicKeys.feed(show.id));
          printEpisode(record, feedUrl);
          process.stdout.write(`${(await demoVoiceLines(record)).join('\n')}\n`);
          serveFrom = { publishDir: config.publishDir, host: config.host, port: config.port, feedUrl };
        },
        options.port ? { port: Number(options.port) } : {},
      );
      if (!serveFrom || !options.serve) return;
      await startServer(serveFrom.publishDir, serveFrom.host, serveFrom.port);
      process.stdout.write(`\nSubscribe in a podcast app: ${serveFrom.feedUrl}\nServing until Ctrl+C.\n`);
    });
}
