import type { HandlerMap } from '../handler-map.js';
import { JobName } from '../job-types.js';
import { buildListenerEpisodesJob } from './build-listener-episodes-job.js';
import { publishEpisodeJob } from './publish-episode-job.js';
import { stitchEpisodeJob } from './stitch-episode-job.js';
import { synthesiseSegment } from './synthesise-segment.js';
import { writeScript } from './write-script.js';

/** One handler per job name; `validateHandlers` checks this at start-up. */
export const jobHandlers: HandlerMap = {
  [JobName.WriteScript]: writeScript,
  [JobName.SynthesiseSegment]: synthesiseSegment,
  [JobName.StitchEpisode]: stitchEpisodeJob,
  [JobName.PublishEpisode]: publishEpisodeJob,
  [JobName.BuildListenerEpisodes]: buildListenerEpisodesJob,
};
