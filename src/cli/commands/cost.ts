import type { Command } from 'commander';
import { estimateEpisodeCost, type EpisodeCostEstimate } from '../../pipeline/estimate-cost.js';
import { ingestAndClean } from '../../pipeline/build-now.js';
import { EpisodeStore } from '../../pipeline/episode-store.js';
import { writeEpisodeScript } from '../../pipeline/episode-steps.js';
import { noProgress } from '../../pipeline/progress.js';
import { withApp } from '../run-command.js';
import { parseDate, resolveShow, type EpisodeOptions } from './create.js';

function printEstimate(estimate: EpisodeCostEstimate, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(estimate, null, 2)}\n`);
    return;
  }
  const lines = [
    `${estimate.segments} segments, ${estimate.characters} characters to synthesise (${estimate.cachedSegments} segments, ${estimate.cachedCharacters} characters already cached)`,
  ];
  for (const p of estimate.providers) {
    const price = p.estimatedCostUsd === undefined ? 'no published price' : `$${p.estimatedCostUsd.toFixed(4)}`;
    lines.push(`  ${p.provider}${p.model ? ` (${p.model})` : ''}: ${p.characters} characters in ${p.requests} requests, ${price}`);
  }
  lines.push(`estimated cost: $${estimate.estimatedCostUsd.toFixed(4)}${estimate.unpricedProviders.length ? ` plus unpriced: ${estimate.unpricedProviders.join(', ')}` : ''}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function registerCost(program: Command): void {
  program
    .command('cost')
    .description('estimate characters and cost of synthesising an episode, counting what the cache already holds; writes nothing')
    .argument('[sources...]', 'article files, folders or URLs (as for `create`)')
    .requiredOption('-s, --show <file>', 'show configuration file (JSON)')
    .option('--episode <id>', 'estimate a stored (e.g. draft) episode\'s script instead of new sources')
    .option('-d, --date <YYYY-MM-DD>', 'the day the briefing is for (default: today)')
    .option('-m, --minutes <n>', 'target length in minutes (overrides the show)')
    .option('--voice <name>', 'voice name (overrides the show)')
    .option('--json', 'print the estimate as JSON')
    .action(async (sources: string[], options: EpisodeOptions & { episode?: string; json?: boolean }) => {
      await withApp(async ({ ctx, config }) => {
        const show = await resolveShow(options);
        let script;
        if (options.episode) {
          script = await new EpisodeStore(ctx.work).getScript(show.id, options.episode);
        } else {
          const articles = await ingestAndClean(sources, config.ingest, noProgress);
          const date = parseDate(options.date, ctx.now());
          const targetMinutes = options.minutes === undefined ? undefined : Number(options.minutes);
          script = (await writeEpisodeScript(ctx, show, articles, { date, writer: options.writer, targetMinutes })).script;
        }
        printEstimate(await estimateEpisodeCost(ctx, show, script), Boolean(options.json));
      });
    });
}
