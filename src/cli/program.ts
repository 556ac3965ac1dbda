/** The CLI's commands (main.ts loads this after starting what a build needs early). */
import { Command } from 'commander';
import { registerCost } from './commands/cost.js';
import { registerCreate } from './commands/create.js';
import { registerDemo } from './commands/demo.js';
import { registerEpisodeCommands } from './commands/episodes.js';
import { registerServe } from './commands/serve.js';
import { registerVoices } from './commands/voices.js';
import { registerWorker } from './commands/worker.js';

const program = new Command()
  .name('briefcast')
  .description('Turn news articles into a spoken briefing and publish it as a podcast.')
  .showHelpAfterError('(add --help for usage)');

registerDemo(program);
registerCreate(program);
registerEpisodeCommands(program);
registerCost(program);
registerServe(program);
registerVoices(program);
registerWorker(program);
(await import('./commands/keys.js')).registerKeys(program);
(await import('./commands/listeners.js')).registerListeners(program);

await program.parseAsync(process.argv);
