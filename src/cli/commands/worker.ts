import type { Command } from 'commander';
import { loadConfig } from '../../config/env.js';
import { allQueueNames } from '../../queue/job-types.js';
import { reportError } from '../run-command.js';
import { registerEnqueue } from './enqueue.js';

interface WorkerOptions {
  queues?: string;
  concurrency?: string;
}

/** `briefcast worker` serves the queues; `briefcast enqueue` (registered with it) feeds them. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run a queue worker until SIGTERM/SIGINT (distributed mode: REDIS_URL, BRIEFCAST_QUEUE_PREFIX, BRIEFCAST_STORAGE=s3)')
    .option('-q, --queues <names>', `comma-separated queues to serve (default: all of ${allQueueNames.join(', ')})`)
    .option('-c, --concurrency <n>', 'jobs at once per queue (default: cores for synthesise, half the cores for stitch)')
    .action(async (options: WorkerOptions) => {
      try {
        const concurrency = options.concurrency === undefined ? undefined : Number(options.concurrency);
        if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
          throw new Error('--concurrency must be a whole number >= 1');
        }
        // Loaded here, not at start-up: BullMQ and ioredis take about 0.2 s to load.
        const { runWorkerProcess } = await import('../../queue/run-worker-process.js');
        await runWorkerProcess(loadConfig(), { queues: options.queues?.split(',').filter(Boolean), concurrency });
      } catch (error) {
        reportError(error);
      }
    });
  registerEnqueue(program);
}
