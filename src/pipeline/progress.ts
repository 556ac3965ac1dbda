/** Progress events the stages emit; the CLI draws them, workers forward them to job.updateProgress. */
export type PipelineStage = 'ingest' | 'clean' | 'script' | 'synthesise' | 'stitch' | 'publish';

export interface ProgressEvent {
  stage: PipelineStage;
  /** Units done so far (articles, segments) and the total, when countable. */
  done: number;
  total: number;
  message?: string;
}

export type ProgressListener = (event: ProgressEvent) => void;

export const noProgress: ProgressListener = () => {};
