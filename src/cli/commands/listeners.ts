import type { Command } from 'commander';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import { buildListenerEpisodes } from '../../listeners/build-listener-episodes.js';
import { listenerUrls } from '../../listeners/listener-urls.js';
import { ListenerStore } from '../../listeners/listener-store.js';
import { materialiser } from '../../listeners/materialise.js';
import { EpisodeStore } from '../../pipeline/episode-store.js';
import { withApp } from '../run-command.js';

/**
 * `briefcast listeners add|list|rotate|remove|build`: personal feeds from the
 * command line. The private feed URL is printed once (add, rotate) on stdout.
 */
const terms = (value: string | undefined) => (value ?? '').split(',').map((term) => term.trim()).filter(Boolean);

function showId(value: string): string {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(value)) throw new BriefcastError(ErrorCodes.CONFIG_INVALID, 'not a show id (lowercase letters, digits and dashes)', { subject: value });
  return value;
}

export function registerListeners(program: Command): void {
  const listeners = program.command('listeners').description('listeners of a show with personal private feeds (docs/listeners.md)');
  listeners
    .command('add <show>')
    .description('add a listener and print their private feed URL once')
    .option('--name <name>', 'name used in the greeting')
    .option('--topics <list>', 'comma-separated keywords or categories')
    .option('--sources <list>', 'comma-separated site names or hosts')
    .option('--people <list>', 'comma-separated people or places')
    .option('--minutes <n>', 'longest briefing in minutes', '10')
    .option('--time-zone <zone>', 'IANA time zone', 'UTC')
    .option('--deliver-at <hh:mm>', 'local time the day\'s episode appears', '06:00')
    .action(async (show: string, options: { name?: string; topics?: string; sources?: string; people?: string; minutes: string; timeZone: string; deliverAt: string }) => {
      await withApp(async ({ ctx, config }) => {
        await new EpisodeStore(ctx.work).getShow(showId(show));
        const { listener, token } = await new ListenerStore(ctx.work, ctx.now).add(show, {
          ...(options.name ? { name: options.name } : {}),
          follows: { topics: terms(options.topics), sources: terms(options.sources), people: terms(options.people) },
          targetMinutes: Number(options.minutes),
          timeZone: options.timeZone,
          deliverAt: options.deliverAt,
        });
        process.stderr.write(`Listener ${listener.id} added; the feed URL is shown only now:\n`);
        process.stdout.write(`${listenerUrls(config.publicUrl, token).feed}\n`);
      });
    });
  listeners
    .command('list <show>')
    .description('list listeners (never their tokens)')
    .action(async (show: string) => {
      await withApp(async ({ ctx }) => {
        for (const listener of await new ListenerStore(ctx.work).list(showId(show))) {
          const follows = [...listener.follows.topics, ...listener.follows.sources, ...listener.follows.people].join(', ') || '(default briefing)';
          process.stdout.write(`${listener.id}\t${listener.name ?? '-'}\t${listener.targetMinutes} min\t${listener.timeZone}\t${follows}\n`);
        }
      });
    });
  listeners
    .command('rotate <show> <listener>')
    .description('give a listener a new feed URL; the old one answers 404')
    .action(async (show: string, id: string) => {
      await withApp(async ({ ctx, config }) => {
        const { token } = await new ListenerStore(ctx.work, ctx.now).rotate(showId(show), id);
        process.stdout.write(`${listenerUrls(config.publicUrl, token).feed}\n`);
      });
    });
  listeners
    .command('remove <show> <listener>')
    .description('remove a listener, their token and their episode records')
    .action(async (show: string, id: string) => {
      await withApp(async ({ ctx }) => {
        await new ListenerStore(ctx.work).remove(showId(show), id);
        process.stderr.write(`Listener ${id} removed\n`);
      });
    });
  listeners
    .command('build <show> <episode>')
    .description("build every listener's episode from a published show episode")
    .action(async (show: string, episode: string) => {
      await withApp(async ({ ctx, config }) => {
        const showConfig = await new EpisodeStore(ctx.work).getShow(showId(show));
        const all = await new ListenerStore(ctx.work).list(showConfig.id);
        const summary = await buildListenerEpisodes(ctx, showConfig, episode, all, {
          keep: config.listeners.feedItems,
          ...(config.listeners.materialise ? { materialise: materialiser(ctx, showConfig) } : {}),
        });
        process.stdout.write(`built ${summary.built}, no matching story ${summary.skipped}, syntheses ${summary.syntheses}\n`);
      });
    });
}
