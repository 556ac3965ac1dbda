import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { loadShowFile } from '../../src/config/load-show.js';
import { silentLogger } from '../../src/core/logger.js';
import { ListenerStore } from '../../src/listeners/listener-store.js';
import { createEpisode } from '../../src/pipeline/build-now.js';
import { createDistributedApp, type DistributedApp } from '../../src/queue/distributed-app.js';
import { jobHandlers } from '../../src/queue/handlers/index.js';
import { JobName } from '../../src/queue/job-types.js';
import { enqueueListenerBatches } from '../../src/queue/listener-batches.js';
import { startWorkers, type WorkerRuntime } from '../../src/queue/worker-runtime.js';

const fixtures = new URL('../fixtures/pipeline/', import.meta.url).pathname;

describe('the listener build as BullMQ jobs, one per batch (real Redis)', () => {
  let root: string;
  let distributed: DistributedApp;
  let runtime: WorkerRuntime;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'briefcast-listener-job-'));
    const config = loadConfig({
      BRIEFCAST_DATA_DIR: join(root, 'data'),
      BRIEFCAST_PUBLISH_DIR: join(root, 'published'),
      BRIEFCAST_QUEUE_PREFIX: `test-listeners-${randomBytes(4).toString('hex')}`,
      BRIEFCAST_SCHEDULES: 'false',
    });
    distributed = createDistributedApp(config, { logger: silentLogger() });
    runtime = await startWorkers({
      deps: { ctx: distributed.app.ctx, queues: distributed.queues, progress: distributed.progress, config: config.distributed },
      handlers: jobHandlers,
      queues: ['publish'],
      concurrency: () => 2,
      connect: distributed.connect,
      logger: silentLogger(),
    });
  }, 60_000);
  afterAll(async () => {
    await runtime?.close(1_000);
    const queue = distributed?.queues.get('publish');
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await distributed?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('builds every listener of the show in batches, and queuing the day twice adds nothing', async () => {
    const { ctx } = distributed.app;
    const show = await loadShowFile(join(fixtures, 'show.json'));
    const articles = join(root, 'articles');
    await cp(fixtures, articles, { recursive: true, filter: (src) => !src.endsWith('.json') });
    const record = await createEpisode(ctx, { show, sources: [articles], date: new Date('2026-11-28T12:00:00Z'), episodeId: 'ep1' });
    const store = new ListenerStore(ctx.work);
    const ids: string[] = [];
    for (const topics of [['comet'], ['ferry'], ['apple'], []]) ids.push((await store.add(show.id, { follows: { topics } })).listener.id);
    expect(await enqueueListenerBatches(ctx, distributed.queues, { showId: show.id, episodeId: 'ep1' }, 10, 3)).toBe(2);
    await enqueueListenerBatches(ctx, distributed.queues, { showId: show.id, episodeId: 'ep1' }, 10, 3);
    const queue = distributed.queues.get('publish');
    const deadline = Date.now() + 120_000;
    while (((await queue.getJobCounts('completed')).completed ?? 0) < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const completed = await queue.getJobs(['completed']);
    expect(completed.filter((job) => job.name === JobName.BuildListenerEpisodes)).toHaveLength(2);
    expect(completed.reduce((sum, job) => sum + (job.returnvalue as { built: number }).built, 0)).toBe(4);
    for (const id of ids) expect(await store.findEpisode(show.id, id, record.date)).not.toBeNull();
  }, 180_000);
});
