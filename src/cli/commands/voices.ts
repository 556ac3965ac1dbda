import type { Command } from 'commander';
import { loadShowFile } from '../../config/load-show.js';
import { showConfigSchema } from '../../config/show-config.js';
import { resolveVoicePick, surveyEngines } from '../../tts/auto-voice.js';
import { formatEngineSurvey, formatPick } from '../../tts/voice-report.js';
import { withApp } from '../run-command.js';
import { registerVoicesInstall } from './voices-install.js';

export function registerVoices(program: Command): void {
  const command = program
    .command('voices')
    .description("list the offline engines installed and what the auto voice picks, or one provider's voices")
    .option('-p, --provider <name>', "list this provider's voices instead")
    .option('-l, --language <tag>', 'language: filters a provider\'s voices by prefix, or the language auto picks for (default "en")')
    .option('-s, --show <file>', 'show configuration file: what auto picks for its language and cast')
    .action(async (options: { provider?: string; language?: string; show?: string }) => {
      await withApp(async ({ ctx }) => {
        if (options.provider) {
          const provider = await ctx.providers.get(options.provider);
          const voices = (await provider.listVoices()).filter((voice) => !options.language || voice.language.startsWith(options.language));
          process.stdout.write(`${provider.name} (${provider.engineId}): ${voices.length} voices\n`);
          for (const voice of voices) process.stdout.write(`  ${voice.name.padEnd(22)} ${voice.language.padEnd(10)} ${voice.description ?? ''}\n`);
          return;
        }
        const show = options.show
          ? await loadShowFile(options.show)
          : showConfigSchema.parse({ id: 'voices', title: 'voices', description: 'voices', author: 'briefcast', language: options.language ?? 'en' });
        const autoShow = show.voice.provider === 'auto' || show.voices ? show : { ...show, voice: { ...show.voice, provider: 'auto' } };
        const rows = await surveyEngines(ctx.providers, show.language);
        const pick = await resolveVoicePick(ctx.providers, autoShow);
        const lines = [...formatEngineSurvey(show.language, rows), '', ...formatPick(show, pick)];
        if (options.show && show.voice.provider !== 'auto' && !show.voices) lines.push(`  (this show names "${show.voice.provider}", so it keeps that voice)`);
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });
  registerVoicesInstall(command);
}
