import type { ProgressListener, PipelineStage } from '../pipeline/progress.js';

const LABELS: Record<PipelineStage, string> = {
  ingest: 'Reading articles',
  clean: 'Cleaning',
  script: 'Writing script',
  synthesise: 'Synthesising speech',
  stitch: 'Stitching audio',
  publish: 'Publishing',
};

/**
 * A task list on a terminal (one line per stage, redrawn in place with a bar),
 * plain lines when output is piped, so CI logs stay readable.
 */
export function createProgressReporter(stream?: NodeJS.WriteStream): ProgressListener & { finish(): void };
/** The same reporter for other tasks (e.g. model downloads), with their own stage names and labels. */
export function createProgressReporter<Stage extends string>(
  stream: NodeJS.WriteStream,
  labels: Record<Stage, string>,
): ((event: { stage: Stage; done: number; total: number; message?: string }) => void) & { finish(): void };
export function createProgressReporter(
  stream: NodeJS.WriteStream = process.stderr,
  labels: Record<string, string> = LABELS,
): ((event: { stage: string; done: number; total: number; message?: string }) => void) & { finish(): void } {
  const interactive = Boolean(stream.isTTY);
  const started = Date.now();
  let current: string | undefined;
  let lastLine = '';

  const bar = (done: number, total: number) => {
    const width = 20;
    const filled = total > 0 ? Math.round((done / total) * width) : 0;
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
  };
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

  const report = (event: { stage: string; done: number; total: number; message?: string }) => {
    const finished = event.total > 0 && event.done >= event.total;
    if (interactive) {
      if (current && current !== event.stage) stream.write('\n');
      current = event.stage;
      const line = `${finished ? '✔' : '…'} ${(labels[event.stage] ?? event.stage).padEnd(20)} ${event.total > 1 ? bar(event.done, event.total) : ''} ${event.message ?? ''}`;
      stream.write(`\r\x1b[2K${line}`);
      lastLine = line;
    } else if (finished || event.done === 0) {
      // Piped output: one line when a stage starts and one when it ends, not one per segment.
      const line = `${elapsed()} ${(labels[event.stage] ?? event.stage)}: ${finished ? 'done' : 'started'}${event.total > 1 ? ` (${event.done}/${event.total})` : ''}${event.message ? ` ${event.message}` : ''}`;
      if (line !== lastLine) stream.write(`${line}\n`);
      lastLine = line;
    }
  };
  return Object.assign(report, {
    finish() {
      if (interactive && current) stream.write('\n');
    },
  });
}
