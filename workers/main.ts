/**
 * Entry point of a worker process: `node --import tsx workers/main.ts --queues synthesise,stitch --concurrency 2`.
 * Configuration comes from the environment (REDIS_URL, BRIEFCAST_QUEUE_PREFIX, BRIEFCAST_STORAGE, S3_*).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/env.js';
import { reportError } from '../src/cli/run-command.js';
import { runWorkerProcess } from '../src/queue/run-worker-process.js';

try {
  const { values } = parseArgs({
    options: { queues: { type: 'string' }, concurrency: { type: 'string' } },
    strict: true,
  });
  const config = loadConfig();
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) throw new Error('--concurrency must be a whole number >= 1');
  await runWorkerProcess(config, { queues: values.queues?.split(',').filter(Boolean), concurrency });
} catch (error) {
  reportError(error);
}
