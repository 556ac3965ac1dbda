import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showConfigSchema } from '../../src/config/show-config.js';
import type { EpisodeRecord } from '../../src/core/episode.js';
import { EpisodeStore } from '../../src/pipeline/episode-store.js';
import { RedisDeliveryClaims } from '../../src/webhooks/delivery-claim.js';
import { listOutcomes } from '../../src/webhooks/delivery-log.js';
import { deliveriesFor } from '../../src/webhooks/webhook-dispatcher.js';
import { QueuedWebhooks, WEBHOOK_QUEUE } from '../../src/webhooks/webhook-queue.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { redisConnections } from './support/redis-connections.js';

const prefix = `bctest-hookclaim-${Date.now().toString(36)}`;
const { connect, close } = redisConnections(prefix);

afterAll(close);

describe('webhook delivery claims in Redis', () => {
  it('gives a delivery id to exactly one of many racing claimants, on separate connections', async () => {
    const claims = Array.from({ length: 10 }, () => new RedisDeliveryClaims(connect(), { prefix, holdMs: 5000, keepMs: 60_000 }));
    const states = await Promise.all(claims.map((claim) => claim.claim('race-1')));
    expect(states.filter((state) => state === 'claimed')).toHaveLength(1);
    expect(states.filter((state) => state === 'busy')).toHaveLength(9);
    const holder = claims[states.indexOf('claimed')]!;
    await holder.delivered('race-1');
    expect(await Promise.all(claims.map((claim) => claim.claim('race-1')))).toEqual(Array(10).fill('delivered'));
  });

  it('frees a failed attempt for a retry, and a run never frees a claim another run took after it expired', async () => {
    const [a, b] = [new RedisDeliveryClaims(connect(), { prefix, holdMs: 200, keepMs: 60_000 }), new RedisDeliveryClaims(connect(), { prefix, holdMs: 5000, keepMs: 60_000 })];
    expect(await a.claim('retry-1')).toBe('claimed');
    await a.release('retry-1');
    expect(await b.claim('retry-1')).toBe('claimed');
    await b.release('retry-1');

    expect(await a.claim('expired-1')).toBe('claimed');
    await sleep(400);
    expect(await b.claim('expired-1')).toBe('claimed');
    await a.release('expired-1');
    expect(await a.claim('expired-1')).toBe('busy');
  });
});

describe('QueuedWebhooks with a duplicate run of one delivery', () => {
  let app: TestApp;
  let receiver: Server;
  const received: string[] = [];
  const held: ServerResponse[] = [];
  let holding = true;

  beforeAll(async () => {
    app = await createTestApp();
    receiver = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push(body);
        if (holding) held.push(res);
        else res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const res of held) res.writeHead(200).end();
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
    await app?.dispose();
  });

  it('sends once when a second job of the same delivery runs while the first is still in flight', async () => {
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const show = showConfigSchema.parse({
      id: 'claims',
      title: 'Claims',
      description: 'Webhook claim test.',
      author: 'Test Desk',
      webhooks: { endpoints: [{ url: hook, events: ['episode.published'] }], secret: 'a-webhook-secret-for-tests-only' },
    });
    await new EpisodeStore(app.ctx.work).saveShow(show);
    const record = { id: '2026-12-01-claims', title: 'Claims', status: 'published', date: '2026-12-01', publishedAt: '2026-12-01T06:00:00.000Z', updatedAt: '2026-12-01T06:00:01.000Z' } as EpisodeRecord;
    const event = { type: 'episode.published' as const, show, record };
    const settings = { attempts: 8, backoffMs: 50, timeoutMs: 10_000, allowPrivateNetwork: true };
    // Two API processes' dispatchers on one Redis, each with its own workers.
    const dispatchers = [new QueuedWebhooks(app.ctx, settings, connect(), prefix), new QueuedWebhooks(app.ctx, settings, connect(), prefix)];
    const queue = new Queue(WEBHOOK_QUEUE, { connection: connect(), prefix });
    try {
      for (const dispatcher of dispatchers) dispatcher.dispatch(event);
      for (let i = 0; i < 300 && received.length === 0; i++) await sleep(20);
      expect(received).toHaveLength(1);

      // The run the job id cannot stop: the same delivery as a second job (a stalled job run again,
      // or a duplicate queued after the first job was removed), started while the first POST is unanswered.
      const [delivery] = deliveriesFor(app.ctx, event);
      const duplicate = await queue.add(delivery!.event, delivery!, { jobId: `${delivery!.id}-again`, attempts: settings.attempts, backoff: { type: 'exponential', delay: settings.backoffMs } });
      for (let i = 0; i < 300 && received.length < 2 && ((await queue.getJob(duplicate.id!))?.attemptsMade ?? 0) === 0; i++) await sleep(20);

      holding = false;
      for (const res of held.splice(0)) res.writeHead(200).end();
      for (let i = 0; i < 300 && (await duplicate.getState()) !== 'completed'; i++) await sleep(20);
      expect(await duplicate.getState()).toBe('completed');
      await Promise.all(dispatchers.map((dispatcher) => dispatcher.idle()));

      expect(received).toHaveLength(1);
      const outcomes = await listOutcomes(app.ctx.work, show.id);
      expect(outcomes.map((outcome) => [outcome.id, outcome.status])).toEqual([[delivery!.id, 'delivered']]);
    } finally {
      await queue.close();
      await Promise.all(dispatchers.map((dispatcher) => dispatcher.close()));
    }
  });
});
