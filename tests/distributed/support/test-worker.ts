/**
 * The worker entry point the distributed tests start: the production worker
 * (runWorkerProcess, as workers/main.ts runs it) plus the test hooks named in
 * BRIEFCAST_TEST_HOOK, so test-only behaviour never ships in workers/.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../src/config/env.js';
import { reportError } from '../../../src/cli/run-command.js';
import { runWorkerProcess } from '../../../src/queue/run-worker-process.js';
import { installTestHooks } from './test-hooks.js';

try {
  const { values } = parseArgs({ options: { queues: { type: 'string' }, concurrency: { type: 'string' } }, strict: true });
  const hook = process.env.BRIEFCAST_TEST_HOOK;
  await runWorkerProcess(loadConfig(), {
    queues: values.queues?.split(',').filter(Boolean),
    concurrency: values.concurrency === undefined ? undefined : Number(values.concurrency),
    prepare: hook ? (app) => void installTestHooks(app, hook) : undefined,
  });
} catch (error) {
  reportError(error);
}
