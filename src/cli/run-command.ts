import { loadConfig, type AppConfig } from '../config/env.js';
import { isBriefcastError, toBriefcastError } from '../core/errors.js';
import { createApp, type App } from '../app.js';

/** Builds the app for one command, runs it, closes it, and turns errors into one line and exit code 1. */
export async function withApp(work: (app: App) => Promise<void>, overrides: Partial<AppConfig> = {}): Promise<void> {
  let app: App | undefined;
  try {
    app = createApp(loadConfig(undefined, overrides));
    await work(app);
  } catch (error) {
    reportError(error);
  } finally {
    await app?.close();
  }
}

export function reportError(error: unknown): void {
  const failure = toBriefcastError(error);
  process.stderr.write(`briefcast: ${failure.toLine()}\n`);
  if (!isBriefcastError(error) || failure.code === 'INTERNAL') {
    // Unexpected errors keep their stack for bug reports.
    if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  }
  process.exitCode = 1;
}
