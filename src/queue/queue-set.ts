import { FlowProducer, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { allQueueNames, type QueueName } from './job-types.js';

/** Producers for every Briefcast queue on one connection: what enqueuers and job handlers add jobs with. */
export class QueueSet {
  readonly queues: Record<QueueName, Queue>;
  readonly flow: FlowProducer;

  constructor(
    readonly connection: Redis,
    readonly prefix: string,
  ) {
    this.queues = Object.fromEntries(allQueueNames.map((name) => [name, new Queue(name, { connection, prefix })])) as Record<QueueName, Queue>;
    this.flow = new FlowProducer({ connection, prefix });
  }

  get(name: QueueName): Queue {
    return this.queues[name];
  }

  /** The fully qualified queue key a child job names its parent's queue by. */
  qualified(name: QueueName): string {
    return `${this.prefix}:${name}`;
  }

  async close(): Promise<void> {
    await Promise.all([...Object.values(this.queues).map((queue) => queue.close()), this.flow.close()]);
  }
}
