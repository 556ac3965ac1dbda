import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowConfig } from '../../src/config/show-config.js';
import { EpisodeStore } from '../../src/pipeline/episode-store.js';
import { findUnpublished, unpublishEpisode } from '../../src/pipeline/unpublish-episode.js';
import { eventually } from '../distributed/support/cluster.js';
import { testArticle, testShow } from '../distributed/support/episodes.js';
import { bullmqExecutor, embeddedExecutor, type ExecutorUnderTest } from './support/executors.js';
import { maskEvents, maskRecord, publishedFiles } from './support/snapshot.js';

/**
 * One contract, two executors: the embedded one in this process, and BullMQ
 * with real Redis and a worker child process. Every scenario goes through the
 * one runner both modes share, and leaves a snapshot (records, events,
 * published files; timestamps masked); the last test requires the two
 * executors' snapshots to be equal.
 */
const DATE = new Date('2026-11-30T12:00:00Z');
const snapshots: Record<string, Record<string, unknown>> = { embedded: {}, distributed: {} };

/** Waits until `count` events were told for the show: a worker's event reaches this process moments after the record. */
async function told(x: ExecutorUnderTest, showId: string, count: number): Promise<void> {
  await eventually(`${count} events for ${showId}`, async () => (x.events.filter((event) => event.show.id === showId).length >= count ? true : undefined));
}

async function snapshot(x: ExecutorUnderTest, show: ShowConfig, episodeId: string): Promise<unknown> {
  const record = await new EpisodeStore(x.ctx.work).findEpisode(show.id, episodeId);
  const unpublished = await findUnpublished(x.ctx, show.id, episodeId);
  return {
    record: maskRecord(record),
    unpublished: maskRecord(unpublished),
    events: maskEvents(x.events, show.id),
    published: await publishedFiles(x.ctx, show.id),
  };
}

function contract(mode: 'embedded' | 'distributed', start: () => Promise<ExecutorUnderTest>) {
  describe(`episode lifecycle contract: ${mode} executor`, () => {
    let x: ExecutorUnderTest;
    beforeAll(async () => {
      x = await start();
    }, 120_000);
    afterAll(async () => {
      await x?.dispose();
    });

    it('creates one episode from concurrent identical submits and publishes it', async () => {
      const show = testShow('contract-create');
      const request = { show, articles: [testArticle('harbour')], date: DATE };
      const results = await Promise.all([x.runner.submit(request), x.runner.submit(request), x.runner.submit(request)]);
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(results.map((result) => result.record.id)).size).toBe(1);
      const record = await x.runner.finished({ showId: show.id, episodeId: results[0]!.record.id });
      expect(record.status).toBe('published');
      expect(record.error).toBeUndefined();
      // Submitted again once published: nothing new starts.
      expect((await x.runner.submit(request)).created).toBe(false);
      await told(x, show.id, 1);
      snapshots[mode]!.create = await snapshot(x, show, record.id);
      expect(x.events.filter((event) => event.show.id === show.id).map((event) => event.type)).toEqual(['episode.published']);
      expect(snapshots[mode]!.create).toMatchObject({ record: { status: 'published', audio: { key: expect.any(String) } }, published: { feed: expect.stringContaining('<item>') } });
    }, 240_000);

    it('writes a draft, takes an edited script, approves and publishes it', async () => {
      const show = testShow('contract-draft');
      const { record: queued } = await x.runner.submit({ show, articles: [testArticle('orchard')], date: DATE, draft: true });
      const ref = { showId: show.id, episodeId: queued.id };
      const draft = await x.runner.finished(ref);
      expect(draft.status).toBe('draft');
      const store = new EpisodeStore(x.ctx.work);
      snapshots[mode]!.draft = await snapshot(x, show, queued.id);
      const script = await store.getScript(show.id, queued.id);
      const story = script.segments.find((segment) => segment.kind === 'story')!;
      await store.saveScript(show.id, queued.id, { ...script, segments: script.segments.map((s) => (s === story ? { ...s, text: 'The orchard opens on Saturday.' } : s)) });
      await x.runner.approve(show, queued.id);
      await expect(x.runner.approve(show, queued.id)).rejects.toMatchObject({ code: 'STORAGE_CONFLICT' });
      const published = await x.runner.finished(ref);
      expect(published.status).toBe('published');
      const transcript = Buffer.from(await x.ctx.publish.get(published.files!['transcript-text']!.key)).toString('utf8');
      expect(transcript).toContain('The orchard opens on Saturday.');
      await told(x, show.id, 1);
      snapshots[mode]!.approve = await snapshot(x, show, queued.id);
    }, 240_000);

    it('records a failure once with its reason, then a retry of the same episode publishes it', async () => {
      const failing = testShow('contract-retry', 'refusing');
      const articles = [testArticle('museum')];
      const { record: queued } = await x.runner.submit({ show: failing, articles, date: DATE });
      const ref = { showId: failing.id, episodeId: queued.id };
      const failed = await x.runner.finished(ref);
      expect(failed.status).toBe('failed');
      expect(failed.error?.code).toBe('TTS_AUTH');
      // Recorded once, told once.
      await told(x, failing.id, 1);
      expect(x.events.filter((event) => event.show.id === failing.id).map((event) => event.type)).toEqual(['episode.failed']);
      snapshots[mode]!.fail = await snapshot(x, failing, queued.id);
      const retry = await x.runner.submit({ show: testShow('contract-retry'), articles, date: DATE });
      expect(retry).toMatchObject({ created: true, record: { id: queued.id, status: 'queued' } });
      expect(retry.record.error).toBeUndefined();
      const published = await x.runner.finished(ref);
      expect(published.status).toBe('published');
      await told(x, failing.id, 2);
      snapshots[mode]!.retry = await snapshot(x, failing, queued.id);
    }, 240_000);

    it('unpublishes an episode: out of the feed, its files gone, its record kept aside', async () => {
      const show = testShow('contract-create');
      const episodeId = (await new EpisodeStore(x.ctx.work).listEpisodes(show.id))[0]!.id;
      const removed = await unpublishEpisode(x.ctx, show, episodeId, { keepAudio: false });
      expect(removed.status).toBe('unpublished');
      const files = await publishedFiles(x.ctx, show.id);
      expect(files.keys.filter((key) => key.includes(`/episodes/${episodeId}/`))).toEqual([]);
      expect(files.feed).toBe('');
      snapshots[mode]!.unpublish = await snapshot(x, show, episodeId);
    }, 120_000);

    if (mode === 'distributed') {
      it('survives a worker crash mid-build and publishes the episode once', async () => {
        const show = testShow('contract-crash');
        const { record: queued } = await x.runner.submit({ show, articles: [testArticle('bridge', 3), testArticle('tram', 3)], date: DATE });
        // Killed once the script is written, while pieces render: the stalled jobs come back to the next worker.
        await x.crashWorkerAfter!('script written');
        const record = await x.runner.finished({ showId: show.id, episodeId: queued.id });
        expect(record.status).toBe('published');
        await told(x, show.id, 1);
        expect(x.events.filter((event) => event.show.id === show.id).map((event) => event.type)).toEqual(['episode.published']);
        const files = await publishedFiles(x.ctx, show.id);
        expect(files.feed.match(/<item>/g)).toHaveLength(1);
      }, 300_000);
    }
  });
}

contract('embedded', embeddedExecutor);
contract('distributed', bullmqExecutor);

describe('episode lifecycle contract: both executors', () => {
  it.each(['create', 'draft', 'approve', 'fail', 'retry', 'unpublish'])('leave the same %s records, events and published files', (scenario) => {
    expect(snapshots.embedded![scenario]).toBeDefined();
    expect(snapshots.distributed![scenario]).toEqual(snapshots.embedded![scenario]);
  });
});
