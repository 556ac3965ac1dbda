import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { EpisodeEvent } from '../pipeline/episode-runner.js';
import type { PipelineContext } from '../pipeline/context.js';
import { EpisodeStore } from '../pipeline/episode-store.js';
import { attemptDelivery } from './deliver.js';
import { RedisDeliveryClaims, type DeliveryClaims } from './delivery-claim.js';
import { recordOutcome, wasDelivered } from './delivery-log.js';
import type { WebhookDelivery } from './payload.js';
import { deliveriesFor, type WebhookDispatcher, type WebhookSettings } from './webhook-dispatcher.js';

export const WEBHOOK_QUEUE = 'webhooks';
const KEEP_DELIVERED_MS = 7 * 24 * 3600_000;

class DeliveryInFlight extends Error {
  constructor() {
    super('another run of this delivery is in flight');
  }
}

/**
 * Distributed webhooks: one BullMQ job per delivery, its id the delivery id,
 * so every API process may report the same event and the endpoint still gets
 * one delivery. The job id alone does not make it once: a stalled job runs
 * again and a duplicate can be queued after the first job was removed, so each
 * attempt first takes the delivery id's claim in Redis (./delivery-claim.ts).
 * BullMQ's backoff does the retries; the secret stays out of Redis (the worker
 * reads it from the show).
 */
export class QueuedWebhooks implements WebhookDispatcher {
  private readonly queue: Queue<WebhookDelivery>;
  private readonly worker: Worker<WebhookDelivery>;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly claims: DeliveryClaims;

  constructor(
    private readonly ctx: PipelineContext,
    private readonly settings: WebhookSettings,
    connection: Redis,
    prefix: string,
  ) {
    this.queue = new Queue(WEBHOOK_QUEUE, { connection, prefix });
    // One attempt holds the claim at most its timeout, with room for the log write around it.
    this.claims = new RedisDeliveryClaims(connection, { prefix, holdMs: 2 * settings.timeoutMs + 10_000, keepMs: KEEP_DELIVERED_MS });
    this.worker = new Worker(WEBHOOK_QUEUE, (job) => this.process(job), { connection: connection.duplicate(), prefix, concurrency: 4 });
    this.worker.on('failed', (job, error) => {
      if (!job) return;
      const final = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      // A run that only found another in flight records nothing: that other run records the outcome.
      if (final && !(error instanceof DeliveryInFlight)) void this.track(this.record(job, 'failed', error.message));
    });
    this.worker.on('error', (error) => ctx.logger.error({ err: error }, 'webhook worker error'));
  }

  dispatch(event: EpisodeEvent): void {
    if (!event.show.webhooks) return;
    const jobs = deliveriesFor(this.ctx, event).map((delivery) => ({
      name: delivery.event,
      data: delivery,
      opts: {
        jobId: delivery.id,
        attempts: this.settings.attempts,
        backoff: { type: 'exponential', delay: this.settings.backoffMs },
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    }));
    if (jobs.length === 0) return;
    void this.track(this.queue.addBulk(jobs).catch((error: unknown) => this.ctx.logger.error({ err: error }, 'could not queue webhooks')));
  }

  private async process(job: Job<WebhookDelivery>): Promise<void> {
    const show = await new EpisodeStore(this.ctx.work).getShow(job.data.showId);
    const secret = show.webhooks?.secret;
    if (!secret) throw new UnrecoverableError('the show no longer has webhooks');
    const state = await this.claims.claim(job.data.id);
    if (state === 'delivered') return;
    // Another run is sending this very delivery: try later, when its outcome is known.
    if (state === 'busy') throw new DeliveryInFlight();
    let delivered = false;
    try {
      // Delivered before the claim was remembered (or after it expired): the log has it.
      if (await wasDelivered(this.ctx.work, job.data)) {
        delivered = true;
        return;
      }
      const result = await attemptDelivery(job.data, {
        secret,
        timeoutMs: this.settings.timeoutMs,
        allowPrivateNetwork: this.settings.allowPrivateNetwork,
        now: this.ctx.now,
      });
      if (result.ok) {
        delivered = true;
        await this.record(job, 'delivered', undefined, result.status);
        return;
      }
      if (!result.retryable) throw new UnrecoverableError(result.error ?? 'refused');
      throw new Error(result.error ?? 'delivery failed');
    } finally {
      await (delivered ? this.claims.delivered(job.data.id) : this.claims.release(job.data.id));
    }
  }

  private record(job: Job<WebhookDelivery>, status: 'delivered' | 'failed', error?: string, responseStatus?: number) {
    return recordOutcome(this.ctx.work, job.data, {
      status,
      attempts: job.attemptsMade + (status === 'delivered' ? 1 : 0),
      ...(responseStatus !== undefined ? { responseStatus } : {}),
      ...(error ? { error } : {}),
      finishedAt: this.ctx.now().toISOString(),
    });
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
    return promise;
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async close(): Promise<void> {
    await this.idle();
    await this.worker.close();
    await this.queue.close();
  }
}
