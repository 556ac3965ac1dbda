import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BriefcastError, ErrorCodes } from '../../src/core/errors.js';
import { advanceEpisode, failEpisode, recordDraft, recordQueued, restartEpisode } from '../../src/pipeline/episode-lifecycle.js';
import { planPieces, stitchInputs } from '../../src/pipeline/episode-plan.js';
import { queuedEpisodeRecord } from '../../src/pipeline/episode-steps.js';
import { stagesOf } from '../../src/pipeline/stage-progress.js';
import { testArticle, testShow } from '../distributed/support/episodes.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The lifecycle's rules, on a real (local) store; both executors record every status through them. */
describe('episode lifecycle transitions', () => {
  let app: TestApp;
  const show = testShow('transitions');
  const ref = { showId: show.id, episodeId: 'ep1' };
  beforeAll(async () => {
    app = await createTestApp();
    await recordQueued(app.ctx, queuedEpisodeRecord(show, 'ep1', [testArticle('ferry')], new Date('2026-11-30T12:00:00Z'), '2026-11-30T06:00:00.000Z'));
  });
  afterAll(async () => app?.dispose());

  it('moves forward only, and progress within a stage only grows', async () => {
    expect((await advanceEpisode(app.ctx, ref, 'synthesising', { done: 2, total: 4 })).progress).toMatchObject({ stage: 'synthesising', done: 2 });
    // A late piece report (pieces finish in any order) and a late "writing" leave the record as it was.
    expect((await advanceEpisode(app.ctx, ref, 'synthesising', { done: 1, total: 4 })).progress?.done).toBe(2);
    expect((await advanceEpisode(app.ctx, ref, 'writing')).status).toBe('synthesising');
    const stitching = await advanceEpisode(app.ctx, ref, 'stitching');
    expect(stitching.status).toBe('stitching');
    expect(stagesOf(stitching)).toEqual({ script: { done: 1, total: 1 }, synthesise: { done: 1, total: 1 }, stitch: { done: 0, total: 1 } });
  });

  it('records a failure once: the first real reason wins over a parent step\'s "child failed"', async () => {
    const reason = new BriefcastError(ErrorCodes.TTS_AUTH, 'refused', { subject: 'voice' });
    const first = await failEpisode(app.ctx, ref, reason);
    expect(first).toMatchObject({ status: 'failed', error: { code: 'TTS_AUTH' } });
    expect(await failEpisode(app.ctx, ref, new BriefcastError(ErrorCodes.INTERNAL, 'child x failed'), true)).toBeNull();
    expect(await failEpisode(app.ctx, ref, reason)).toBeNull();
    // Nothing moves a failed episode on but a restart, which clears the old reason.
    expect((await advanceEpisode(app.ctx, ref, 'publishing')).status).toBe('failed');
    const restarted = await restartEpisode(app.ctx, ref, 'queued');
    expect(restarted.status).toBe('queued');
    expect(restarted.error).toBeUndefined();
  });

  it('keeps a published episode published: no draft, no failure', async () => {
    await recordQueued(app.ctx, { ...(await restartEpisode(app.ctx, ref, 'queued')), status: 'published' });
    expect((await recordDraft(app.ctx, ref)).status).toBe('published');
    expect(await failEpisode(app.ctx, ref, new BriefcastError(ErrorCodes.TTS_FAILED, 'late'))).toBeNull();
  });

  it('plans one piece per distinct request, longest text first, and maps rendered pieces back onto every segment', async () => {
    const script = {
      version: 1 as const,
      showTitle: show.title,
      date: '2026-11-30',
      language: 'en',
      writer: 'test',
      segments: [
        { id: 'intro', kind: 'intro' as const, text: 'Good morning.' },
        { id: 's1', kind: 'story' as const, text: 'The ferry runs again.' },
        { id: 's2', kind: 'story' as const, text: 'The ferry runs again.' },
      ],
    };
    const pieces = await planPieces(app.ctx, show, 'ep1', script);
    expect(pieces.map((piece) => piece.segmentIds)).toEqual([['s1', 's2'], ['intro']]);
    const result = { provider: 'espeak', voice: 'en-us', cached: false };
    const inputs = stitchInputs(pieces.map((piece) => ({ segmentIds: piece.segmentIds, result: { ...result, cacheKey: piece.cacheKey } })));
    expect(inputs.map((input) => input.segmentId)).toEqual(['s1', 's2', 'intro']);
    expect(inputs[0]!.cacheKey).toBe(inputs[1]!.cacheKey);
  });
});
