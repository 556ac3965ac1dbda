import type { Piscina } from 'piscina';
import { BriefcastError, ErrorCodes, type ErrorCode } from '../core/errors.js';
import type { OffThreadResult, OffThreadTask } from './offthread-worker.js';

/**
 * One pool of worker threads for the CPU-heavy pure steps: parsing pages,
 * Markdown and feeds, and writing and ear-checking scripts. The event loop
 * keeps serving every other client meanwhile, and a task past its time cap has
 * its thread terminated (the pool starts a fresh one).
 */
let pool: Promise<Piscina> | undefined;
/** Threads kept loaded while idle: none for a CLI run or a queue worker, one in the API server (keepOffThreadPoolWarm). */
let idleThreads = 0;
/** Threads at most: two by default; one in a queue worker (limitOffThreadPool). */
let maxThreads = 2;

// The worker has this module's extension: .ts under tsx, .js compiled, .mjs in the benchmark bundle.
const workerExtension = /\.m?js$/.exec(import.meta.url)?.[0] ?? '.ts';

/** A TypeScript worker inherits tsx from a process started by tsx, and is given it otherwise (tests). */
function workerExecArgv(extension: string): string[] {
  // Compiled JavaScript needs no loader in the worker.
  if (extension !== '.ts') return process.execArgv;
  return process.execArgv.some((arg) => arg.includes('tsx')) ? process.execArgv : [...process.execArgv, '--import', 'tsx'];
}

function offThreadPool(): Promise<Piscina> {
  pool ??= import('piscina').then(
    ({ Piscina }) =>
      new Piscina({
        filename: new URL(`./offthread-worker${workerExtension}`, import.meta.url).href,
        execArgv: workerExecArgv(workerExtension),
        minThreads: idleThreads,
        maxThreads,
        // Idle threads beyond the kept ones go away (idle threads never hold a CLI run open).
        idleTimeout: 500,
      }),
  );
  return pool;
}

/**
 * Starts the pool's threads now, so that they load their modules (the HTML,
 * Markdown, cleaning, language and script code: about 0.3 s each) while the
 * main thread is still loading its own, instead of after it. A CLI build calls
 * this first thing; the threads still leave after their idle timeout.
 */
export function warmOffThreadPool(): void {
  void offThreadPool().then((started) => {
    for (let thread = 0; thread < maxThreads; thread++) started.run({ kind: 'warm' } satisfies OffThreadTask).catch(() => undefined);
  });
}

/**
 * For the API server: one thread stays loaded between tasks, so a request does
 * not wait for a thread to start and load its modules (about 0.3 s) after every
 * pause longer than the idle timeout. Call before the first task. Queue workers
 * do not call it: their pool tasks come in bursts, and an idle worker need not hold a thread.
 */
export function keepOffThreadPoolWarm(): void {
  idleThreads = 1;
  warmOffThreadPool();
}

/**
 * For a queue worker: at most `threads` pool threads. Each thread loads its own
 * copy of the parsing and script code (about 80 MB under tsx), and a burst of
 * script jobs made a worker start two, which set its peak memory; scaling out
 * is adding worker processes. Call before the first task.
 */
export function limitOffThreadPool(threads: number): void {
  maxThreads = Math.max(1, Math.floor(threads));
  idleThreads = Math.min(idleThreads, maxThreads);
}

export interface OffThreadRun {
  /** Longest the task may take. */
  timeoutMs: number;
  /** What the input is, for errors ("articles[0]", a URL). */
  subject?: string;
  /** The cap's message when the task runs past it ("the feed took longer than 10000 ms to parse"). */
  overTimeMessage: string;
  /** The cap's name in the error's details. */
  limit: string;
}

/** Runs one task under its time cap; a failure in the worker comes back as the BriefcastError it was. */
export async function runOffThread<K extends OffThreadTask['kind']>(task: Extract<OffThreadTask, { kind: K }>, run: OffThreadRun): Promise<Extract<OffThreadResult, { kind: K }>> {
  const signal = AbortSignal.timeout(run.timeoutMs);
  const subject = run.subject ? { subject: run.subject } : {};
  let result: OffThreadResult;
  try {
    result = (await (await offThreadPool()).run(task, { signal })) as OffThreadResult;
  } catch (error) {
    if (signal.aborted) throw new BriefcastError(ErrorCodes.INPUT_LIMIT, run.overTimeMessage, { ...subject, details: { limit: run.limit, max: run.timeoutMs } });
    throw new BriefcastError(ErrorCodes.INTERNAL, `${task.kind} failed in the worker pool: ${error instanceof Error ? error.message : String(error)}`, { ...subject, cause: error });
  }
  if (result.kind === 'error') {
    throw new BriefcastError(result.error.code as ErrorCode, result.error.message, { ...(result.error.subject ? { subject: result.error.subject } : {}) });
  }
  if (result.kind !== task.kind) throw new BriefcastError(ErrorCodes.INTERNAL, `the worker pool answered ${task.kind} with ${result.kind}`, subject);
  return result as Extract<OffThreadResult, { kind: K }>;
}

/** Threads the pool holds now, loaded or starting (0 before its first task). */
export async function offThreadThreadCount(): Promise<number> {
  return pool ? (await pool).threads.length : 0;
}

/** Stops the pool's threads (tests and shutdown); a later task starts a new pool. */
export async function closeOffThreadPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  if (current) await (await current).destroy();
}
