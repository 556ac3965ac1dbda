import type { Command } from 'commander';
import { withApp } from '../run-command.js';
import { registerVoicesInstall } from './voices-install.js';

export function registerVoices(program: Command): void {
  const command = program
    .command('voices')
    .description('list the voices of a TTS provider')
    .option('-p, --provider <name>', 'provider name', 'espeak')
    .option('-l, --language <prefix>', 'only voices whose language starts with this, e.g. "en"')
    .action(async (options: { provider: string; language?: string }) => {
      await withApp(async ({ ctx }) => {
        const provider = await ctx.providers.get(options.provider);
        const voices = (await provider.listVoices()).filter((voice) => !options.language || voice.language.startsWith(options.language));
        process.stdout.write(`${provider.name} (${provider.engineId}): ${voices.length} voices\n`);
        for (const voice of voices) process.stdout.write(`  ${voice.name.padEnd(18)} ${voice.language.padEnd(10)} ${voice.description ?? ''}\n`);
      });
    });
  registerVoicesInstall(command);
}
