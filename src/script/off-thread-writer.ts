import { runOffThread } from '../offthread/pool.js';
import type { ExtractiveWriterOptions } from './extractive-writer.js';
import type { ScriptWriter } from './writer.js';

/**
 * Generous: a 40-article briefing is written in about a second. The cap is
 * there so a pathological input fails its episode instead of holding a thread.
 */
export const SCRIPT_TIMEOUT_MS = 120_000;

/**
 * The extractive writer in the worker pool. It is pure CPU (a few hundred ms
 * for the first briefing of a process, tens after), and in the API server or a
 * queue worker that time would otherwise stall every other request and job.
 */
export function createOffThreadExtractiveWriter(options: ExtractiveWriterOptions = {}, timeoutMs = SCRIPT_TIMEOUT_MS): ScriptWriter {
  return {
    name: 'extractive',
    write: async (input) => {
      const done = await runOffThread(
        { kind: 'script', input, options },
        { timeoutMs, overTimeMessage: `writing the script took longer than ${timeoutMs} ms`, limit: 'scriptTimeoutMs' },
      );
      return done.script;
    },
  };
}
