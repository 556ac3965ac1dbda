import type { FlowJob, JobsOptions } from 'bullmq';
import type { DistributedConfig } from '../config/env.js';
import { jobIds } from './job-ids.js';
import { childJobOptions, jobOptions } from './job-policy.js';
import { JobName, QueueNames, type EpisodeRef, type WriteScriptData } from './job-types.js';

/**
 * An episode as one BullMQ flow, its root the publish job:
 *
 *   publish  <-  stitch  <-  write-script
 *                        <-  synthesise-segment x n   (added by write-script)
 *
 * A parent runs once all its children have completed; a child that fails for
 * good fails its parents, so the whole episode fails with one reason.
 */
export function episodeFlow(ref: EpisodeRef, script: Omit<WriteScriptData, keyof EpisodeRef>, config: DistributedConfig): FlowJob {
  return {
    name: JobName.PublishEpisode,
    queueName: QueueNames.publish,
    data: ref,
    opts: { ...jobOptions(config), jobId: jobIds.publish(ref) },
    children: [
      {
        name: JobName.StitchEpisode,
        queueName: QueueNames.stitch,
        data: ref,
        opts: { ...childJobOptions(config), jobId: jobIds.stitch(ref) },
        children: [
          {
            name: JobName.WriteScript,
            queueName: QueueNames.script,
            data: { ...ref, ...script },
            opts: { ...childJobOptions(config), jobId: jobIds.script(ref) },
          },
        ],
      },
    ],
  };
}

/** A draft: only the script is written, by one job that is its own root (a failure fails the draft). */
export function draftJob(ref: EpisodeRef, script: Omit<WriteScriptData, keyof EpisodeRef>, config: DistributedConfig): [JobName, WriteScriptData, JobsOptions] {
  return [JobName.WriteScript, { ...ref, ...script, draft: true }, { ...jobOptions(config), jobId: jobIds.draft(ref) }];
}
