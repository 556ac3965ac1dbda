import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';

/**
 * Runs an offline engine's binary for one request: no shell (arguments go to
 * execve as they are), a time limit that grows with the text, the whole
 * process group killed when it is exceeded, one more attempt after a crash or
 * hang, and at most `limit` engines running at once so a long episode cannot
 * start hundreds of processes on a small machine.
 */
export interface EngineRun {
  binary: string;
  args: string[];
  /** Characters of text the engine reads: the time limit is derived from it. */
  textLength: number;
  signal?: AbortSignal;
  /** Names the engine in errors, e.g. "festival (cmu_us_slt_arctic_hts)". */
  label: string;
}

export interface EngineRunnerOptions {
  /** Engines running at once (default: the number of cores). */
  limit?: number;
  /** Time allowed before any text (start-up, voice load). */
  baseTimeoutMs?: number;
  /** Time allowed per character of text; engines here run far faster than 1 ms per character. */
  perCharacterMs?: number;
  /** Attempts after the first when the engine crashes or hangs. */
  retries?: number;
}

export interface EngineRunner {
  run(request: EngineRun): Promise<{ stdout: string; stderr: string }>;
  /** The limit one request gets, for messages and tests. */
  timeoutFor(textLength: number): number;
}

const MAX_CAPTURE = 64 * 1024;

export function createEngineRunner(options: EngineRunnerOptions = {}): EngineRunner {
  const limit = Math.max(1, options.limit ?? availableParallelism());
  const baseTimeoutMs = options.baseTimeoutMs ?? 20_000;
  const perCharacterMs = options.perCharacterMs ?? 25;
  const retries = options.retries ?? 1;
  const timeoutFor = (textLength: number) => baseTimeoutMs + Math.ceil(textLength * perCharacterMs);
  let running = 0;
  const waiting: Array<() => void> = [];
  const acquire = async () => {
    if (running < limit) {
      running += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };

  return {
    timeoutFor,
    async run(request) {
      await acquire();
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            return await runOnce(request, timeoutFor(request.textLength));
          } catch (error) {
            if (request.signal?.aborted || attempt >= retries) throw error;
          }
        }
      } finally {
        release();
      }
    },
  };
}

function runOnce(request: EngineRun, timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // detached: the engine leads its own process group, so a kill also reaches anything it started.
    const child = spawn(request.binary, request.args, { shell: false, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let ended: string | undefined;
    const kill = (why: string) => {
      ended ??= why;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => kill(`did not finish within ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
    const onAbort = () => kill('was cancelled');
    request.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (data: Buffer) => {
      if (stdout.length < MAX_CAPTURE) stdout += data.toString('utf8');
    });
    child.stderr.on('data', (data: Buffer) => {
      if (stderr.length < MAX_CAPTURE) stderr += data.toString('utf8');
    });
    const finish = (error?: BriefcastError) => {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve({ stdout, stderr });
    };
    child.on('error', (error) => {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      finish(
        new BriefcastError(missing ? ErrorCodes.PROVIDER_UNKNOWN : ErrorCodes.TTS_FAILED, `${request.label}: ${missing ? 'binary not found' : error.message}`, {
          subject: request.binary,
          cause: error,
          ...(missing ? { details: { engineMissing: true } } : {}),
        }),
      );
    });
    child.on('close', (code, signal) => {
      if (ended) return finish(new BriefcastError(ErrorCodes.TTS_FAILED, `${request.label} ${ended}`, { subject: request.label }));
      if (code === 0) return finish();
      const detail = stderr.trim().split('\n').slice(-2).join(' ').slice(0, 300);
      finish(
        new BriefcastError(ErrorCodes.TTS_FAILED, `${request.label} failed (${signal ? `signal ${signal}` : `exit ${code}`})${detail ? `: ${detail}` : ''}`, {
          subject: request.label,
        }),
      );
    });
  });
}
