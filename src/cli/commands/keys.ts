import type { Command } from 'commander';
import { KeyStore } from '../../auth/key-store.js';
import { loadConfig } from '../../config/env.js';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import { reportError } from '../run-command.js';

/** `briefcast keys add` prints a new API key once (only its hash is kept); `keys list` shows what exists. */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('API keys for the producer API (stored hashed in BRIEFCAST_KEYS_FILE)');
  keys
    .command('add')
    .description('create an API key and print it once')
    .option('--show <id>', 'limit the key to one show')
    .option('--name <name>', 'a name to recognise the key by')
    .action(async (options: { show?: string; name?: string }) => {
      try {
        if (options.show !== undefined && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(options.show)) {
          throw new BriefcastError(ErrorCodes.CONFIG_INVALID, 'not a show id (lowercase letters, digits and dashes)', { subject: '--show' });
        }
        const store = new KeyStore(loadConfig().api.keysFile);
        const { key, entry } = await store.add({ ...(options.name ? { name: options.name } : {}), ...(options.show ? { showId: options.show } : {}) });
        process.stderr.write(`Key ${entry.id} "${entry.name}"${entry.showId ? ` for show ${entry.showId}` : ' for every show'} added to ${store.path}; it is shown only now:\n`);
        process.stdout.write(`${key}\n`);
      } catch (error) {
        reportError(error);
      }
    });
  keys
    .command('list')
    .description('list API keys (ids, names, scopes; never the keys)')
    .action(async () => {
      try {
        for (const entry of await new KeyStore(loadConfig().api.keysFile).list()) {
          process.stdout.write(`${entry.id}\t${entry.showId ?? '*'}\t${entry.createdAt}\t${entry.name}\n`);
        }
      } catch (error) {
        reportError(error);
      }
    });
}
