import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import type { ScriptDocument } from '../../core/types.js';
import { parseScriptJson } from '../../script/script-schema.js';
import { parseScriptText, renderScriptText } from '../../script/script-text.js';
import { EpisodeStore } from '../../pipeline/episode-store.js';
import { rebuildEpisode } from '../../pipeline/build-now.js';
import { rebuildFeed } from '../../pipeline/publish-episode.js';
import { publishShowAssets } from '../../pipeline/show-assets.js';
import { createProgressReporter } from '../progress-reporter.js';
import { withApp } from '../run-command.js';
import { publicKeys } from '../../storage/keys.js';
import { printEpisode, resolveShow } from './create.js';

async function readScriptFile(path: string): Promise<ScriptDocument> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new BriefcastError(ErrorCodes.INPUT_NOT_FOUND, 'script file cannot be read', { subject: path, cause: error });
  }
  return path.endsWith('.json') ? parseScriptJson(text, path) : parseScriptText(text, path);
}

export function registerEpisodeCommands(program: Command): void {
  program
    .command('rebuild')
    .description('rebuild an episode\'s audio, optionally from an edited script (.json or the text form)')
    .argument('<episode-id>')
    .requiredOption('-s, --show <file>', 'show configuration file (JSON)')
    .option('--script <file>', 'edited script to use instead of the stored one')
    .action(async (episodeId: string, options: { show: string; script?: string }) => {
      await withApp(async ({ ctx }) => {
        const show = await resolveShow(options);
        const store = new EpisodeStore(ctx.work);
        await store.getEpisode(show.id, episodeId);
        if (options.script) await store.saveScript(show.id, episodeId, await readScriptFile(options.script));
        const progress = createProgressReporter();
        const record = await rebuildEpisode(ctx, show, episodeId, progress).finally(() => progress.finish());
        printEpisode(record, ctx.publish.publicUrl(publicKeys.feed(show.id)));
      });
    });

  program
    .command('script')
    .description('print an episode\'s script as editable text (or JSON)')
    .argument('<episode-id>')
    .requiredOption('-s, --show <file>', 'show configuration file (JSON)')
    .option('--json', 'print the JSON document instead of text')
    .action(async (episodeId: string, options: { show: string; json?: boolean }) => {
      await withApp(async ({ ctx }) => {
        const show = await resolveShow(options);
        const script = await new EpisodeStore(ctx.work).getScript(show.id, episodeId);
        process.stdout.write(options.json ? `${JSON.stringify(script, null, 2)}\n` : renderScriptText(script));
      });
    });

  program
    .command('episodes')
    .description('list a show\'s episodes and their status')
    .requiredOption('-s, --show <file>', 'show configuration file (JSON)')
    .action(async (options: { show: string }) => {
      await withApp(async ({ ctx }) => {
        const show = await resolveShow(options);
        const episodes = await new EpisodeStore(ctx.work).listEpisodes(show.id);
        episodes.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        for (const e of episodes) {
          process.stdout.write(`${e.id}\t${e.status}\t${e.audio ? `${e.audio.durationSeconds.toFixed(0)}s` : '-'}\t${e.title}\n`);
        }
      });
    });

  program
    .command('feed')
    .description('rebuild a show\'s feed from its episodes')
    .requiredOption('-s, --show <file>', 'show configuration file (JSON)')
    .action(async (options: { show: string }) => {
      await withApp(async ({ ctx }) => {
        const show = await resolveShow(options);
        await new EpisodeStore(ctx.work).saveShow(show);
        await publishShowAssets(ctx, show);
        process.stdout.write(`${await rebuildFeed(ctx, show)}\n`);
      });
    });
}
