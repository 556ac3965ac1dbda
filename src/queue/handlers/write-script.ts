import { writeScriptStep } from '../../pipeline/build-steps.js';
import type { JobHandler } from '../handler-map.js';
import { jobIds } from '../job-ids.js';
import { childJobOptions } from '../job-policy.js';
import { JobName, QueueNames } from '../job-types.js';

/**
 * Step 1 on a worker: writes the script, then adds one render job per planned
 * piece as a child of the episode's stitch job. This job is itself a child of
 * stitch, so stitch cannot start before the piece jobs exist. A draft's job
 * stops after the script.
 */
export const writeScript: JobHandler<JobName.WriteScript> = async (job, { ctx, queues, progress, config }, { log }) => {
  const { showId, episodeId, ...order } = job.data;
  const ref = { showId, episodeId };
  await job.updateProgress({ stage: 'writing', done: 0, total: 1 });
  const { pieces, segments } = await writeScriptStep(ctx, ref, order);
  if (!order.draft) {
    await queues.get(QueueNames.synthesise).addBulk(
      pieces.map((piece) => ({
        name: JobName.SynthesiseSegment,
        data: { ...ref, cacheKey: piece.cacheKey, segmentIds: piece.segmentIds, request: piece.request, total: pieces.length },
        opts: {
          ...childJobOptions(config),
          jobId: jobIds.segment(ref, piece.cacheKey),
          parent: { id: jobIds.stitch(ref), queue: queues.qualified(QueueNames.stitch) },
        },
      })),
    );
    // A rerun (after a crash) may find some pieces already done.
    const done = await progress.count(ref);
    if (done > 0) await job.updateProgress({ stage: 'synthesising', done: Math.min(done, pieces.length), total: pieces.length });
  }
  await job.updateProgress({ stage: 'writing', done: 1, total: 1 });
  log.info({ segments, pieces: pieces.length, draft: Boolean(order.draft) }, 'script written');
  return { segments, pieces: pieces.length };
};
