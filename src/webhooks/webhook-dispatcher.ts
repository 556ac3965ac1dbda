import { setTimeout as sleep } from 'node:timers/promises';
import type { EpisodeEvent } from '../pipeline/episode-runner.js';
import type { PipelineContext } from '../pipeline/context.js';
import { publicKeys } from '../storage/keys.js';
import { attemptDelivery } from './deliver.js';
import { recordOutcome, wasDelivered } from './delivery-log.js';
import { redactUrl } from '../core/redact.js';
import { buildDeliveries, type WebhookDelivery } from './payload.js';

export interface WebhookSettings {
  attempts: number;
  backoffMs: number;
  timeoutMs: number;
  allowPrivateNetwork: boolean;
}

/** Sends episode events to the show's webhook endpoints; never throws into the caller. */
export interface WebhookDispatcher {
  dispatch(event: EpisodeEvent): void;
  /** Resolves when every delivery started so far has its outcome recorded. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Exponential steps with half of each step random, so receivers that came back are not hit all at once. */
export function webhookBackoff(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const step = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 15 * 60_000);
  return Math.round(step / 2 + random() * (step / 2));
}

export function deliveriesFor(ctx: PipelineContext, event: EpisodeEvent): WebhookDelivery[] {
  return buildDeliveries(event, ctx.publish.publicUrl(publicKeys.feed(event.show.id)), ctx.now());
}

/**
 * The embedded mode's webhooks: each delivery retried in this process with
 * backoff. Deliveries pending when the process stops are lost (their outcome
 * is not recorded); the distributed mode keeps them in a queue instead.
 */
export class InProcessWebhooks implements WebhookDispatcher {
  private readonly running = new Set<Promise<void>>();
  /** Delivery ids started by this process: the same event dispatched twice is sent once. */
  private readonly started = new Set<string>();
  private readonly stop = new AbortController();

  constructor(
    private readonly ctx: PipelineContext,
    private readonly settings: WebhookSettings,
  ) {}

  dispatch(event: EpisodeEvent): void {
    const secret = event.show.webhooks?.secret;
    if (!secret) return;
    for (const delivery of deliveriesFor(this.ctx, event)) {
      if (this.started.has(delivery.id)) continue;
      this.started.add(delivery.id);
      const run = this.deliver(delivery, secret).catch((error: unknown) =>
        this.ctx.logger.error({ err: error, deliveryId: delivery.id }, 'webhook delivery crashed'),
      );
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
    }
  }

  private async deliver(delivery: WebhookDelivery, secret: string): Promise<void> {
    const log = this.ctx.logger.child({ showId: delivery.showId, deliveryId: delivery.id, url: redactUrl(delivery.url) });
    if (await wasDelivered(this.ctx.work, delivery)) return;
    for (let attempt = 1; ; attempt++) {
      const result = await attemptDelivery(delivery, { secret, timeoutMs: this.settings.timeoutMs, allowPrivateNetwork: this.settings.allowPrivateNetwork, now: this.ctx.now });
      const finished = result.ok || !result.retryable || attempt >= this.settings.attempts;
      if (finished) {
        await recordOutcome(this.ctx.work, delivery, {
          status: result.ok ? 'delivered' : 'failed',
          attempts: attempt,
          ...(result.status !== undefined ? { responseStatus: result.status } : {}),
          ...(result.error ? { error: result.error } : {}),
          finishedAt: this.ctx.now().toISOString(),
        });
        if (result.ok) log.info({ attempt }, 'webhook delivered');
        else log.warn({ attempt, error: result.error }, 'webhook delivery failed');
        return;
      }
      log.debug({ attempt, error: result.error }, 'webhook attempt failed; retrying');
      try {
        await sleep(webhookBackoff(attempt, this.settings.backoffMs), undefined, { signal: this.stop.signal });
      } catch {
        return;
      }
    }
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  async close(): Promise<void> {
    this.stop.abort();
    await this.idle();
  }
}
