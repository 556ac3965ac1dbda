import type { Command } from 'commander';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../config/env.js';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import { KOKORO_MANIFEST, loadManifestFile } from '../../tts/kokoro/kokoro-manifest.js';
import { installModel } from '../../tts/kokoro/model-install.js';
import { createProgressReporter } from '../progress-reporter.js';
import { reportError } from '../run-command.js';

/** `briefcast voices install kokoro`: downloads a neural voice model once, resumably, pinned by SHA-256. */
export function registerVoicesInstall(voices: Command): void {
  voices
    .command('install')
    .description('download an open neural voice model once (resumable, checked against pinned SHA-256 hashes)')
    .argument('<model>', 'model name: kokoro')
    .action(async (model: string) => {
      try {
        if (model !== 'kokoro') throw new BriefcastError(ErrorCodes.PROVIDER_UNKNOWN, 'unknown voice model; known: kokoro', { subject: model });
        const { kokoro } = loadConfig().tts;
        if (kokoro.modelDir) {
          process.stdout.write(`BRIEFCAST_KOKORO_MODEL_DIR is set: Kokoro is read from ${kokoro.modelDir}, nothing to download\n`);
          return;
        }
        const builtIn = { ...KOKORO_MANIFEST, baseUrl: kokoro.baseUrl ?? KOKORO_MANIFEST.baseUrl };
        const manifest = kokoro.manifestFile ? await loadManifestFile(kokoro.manifestFile, builtIn.baseUrl) : builtIn;
        const dir = resolve(join(kokoro.modelsDir, 'kokoro'));
        const progress = createProgressReporter(process.stderr, { download: 'Downloading Kokoro' });
        const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
        const live = Boolean(process.stderr.isTTY);
        let drawn = 0;
        try {
          const result = await installModel({
            manifest,
            dir,
            onProgress: ({ file, index, count, done, total }) => {
              // One bar across the files; on a terminal the message also counts the current file's megabytes.
              const now = Date.now();
              if (live && now - drawn < 100 && done !== total) return;
              drawn = now;
              progress({ stage: 'download', done: index, total: count, message: live ? `${file} ${mb(done)}${total ? `/${mb(total)}` : ''} MB` : file });
            },
          });
          const count = manifest.files.length;
          progress({ stage: 'download', done: count, total: count, message: `${result.downloaded.length} downloaded, ${result.alreadyPresent.length} already present` });
          progress.finish();
          process.stdout.write(`Kokoro installed in ${result.dir}\n`);
        } catch (error) {
          progress.finish();
          throw error;
        }
      } catch (error) {
        reportError(error);
      }
    });
}
