import type { Piscina } from 'piscina';
import { BriefcastError, ErrorCodes, type ErrorCode } from '../core/errors.js';
import { isScriptKindTask, type OffThreadResult, type OffThreadTask } from './task-types.js';

/**
 * One pool of worker threads for the CPU-heavy pure steps: parsing pages,
 * Markdown and feeds, and writing and ear-checking scripts. The event loop
 * keeps serving every other client meanwhile, and a task past its time cap has
 * its thread terminated (the pool starts a fresh one).
 */
let pool: Promise<Piscina> | undefined;
/** Threads kept loaded while idle: none for a CLI run, one in the API server and in a queue worker that writes scripts (keepOffThreadPoolWarm). */
let idleThreads = 0;
/** Threads at most: two by default; one in a queue worker (limitOffThreadPool). */
let maxThreads = 2;
/** Whether the threads load only the script tasks' code (a queue worker: limitOffThreadPool). */
let scriptTasksOnly = false;

// The worker has this module's extension: .ts under tsx, .js compiled, .mjs in the benchmark bundle.
const workerExtension = /\.m?js$/.exec(import.meta.url)?.[0] ?? '.ts';
const allTasksEntry = new URL(`./offthread-worker${workerExtension}`, import.meta.url).href;
const scriptTasksEntry = new URL(`./script-worker${workerExtension}`, import.meta.url).href;

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
        filename: scriptTasksOnly ? scriptTasksEntry : allTasksEntry,
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
 * Markdown, cleaning, language and script code: about 0.3 s each, over a
 * second under tsx) while the main thread is still loading its own, instead of
 * inside the first task. A CLI build calls this first thing and does not wait;
 * the threads still leave after their idle timeout. Resolves once every thread
 * has loaded (never rejects: a thread that fails to load fails its first task).
 */
export async function warmOffThreadPool(): Promise<void> {
  const started = await offThreadPool();
  await Promise.all(Array.from({ length: maxThreads }, () => started.run({ kind: 'warm' } satisfies OffThreadTask).catch(() => undefined)));
}

/**
 * Keeps one thread loaded between tasks, so a task does not wait for a thread
 * to start and load its modules after every pause longer than the idle
 * timeout. The API server calls it (a request should not pay the load), and so
 * does a queue worker that writes scripts (an episode's script job would pay
 * it, since episodes come minutes apart). Call before the first task; the
 * promise resolves once the threads have loaded.
 */
export function keepOffThreadPoolWarm(): Promise<void> {
  idleThreads = 1;
  return warmOffThreadPool();
}

/**
 * For a queue worker: at most `threads` pool threads, loading only the script
 * tasks' code. Each thread loads its own copy of the code it runs (about 105 MB
 * under tsx with the page, feed and cleaning code, about 35 MB without), and a
 * burst of script jobs made a worker start two, which set its peak memory;
 * scaling out is adding worker processes. A task of another kind still runs:
 * its thread loads the full entry when the first such task comes. Call before
 * the first task.
 */
export function limitOffThreadPool(threads: number, options: { scriptTasksOnly?: boolean } = {}): void {
  maxThreads = Math.max(1, Math.floor(threads));
  idleThreads = Math.min(idleThreads, maxThreads);
  scriptTasksOnly = options.scriptTasksOnly ?? false;
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
    const entry = scriptTasksOnly && !isScriptKindTask(task) ? { filename: allTasksEntry } : {};
    result = (await (await offThreadPool()).run(task, { signal, ...entry })) as OffThreadResult;
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
