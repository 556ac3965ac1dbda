import { describe, expect, it } from 'vitest';
import { UnrecoverableError } from 'bullmq';
import { BriefcastError, ErrorCodes } from '../../src/core/errors.js';
import { jobHandlers } from '../../src/queue/handlers/index.js';
import { validateHandlers } from '../../src/queue/handler-map.js';
import { jobIds } from '../../src/queue/job-ids.js';
import { failureOf, rateLimitDelayMs, toJobError } from '../../src/queue/job-errors.js';
import { backoffDelay } from '../../src/queue/job-policy.js';
import { allQueueNames, JobName, jobQueue } from '../../src/queue/job-types.js';
import { episodeFlow } from '../../src/queue/episode-flow.js';
import { loadConfig } from '../../src/config/env.js';
import { parseQueueNames } from '../../src/queue/run-worker-process.js';

describe('job handler map', () => {
  it('has one handler per job name and every queue has work', () => {
    expect(validateHandlers(jobHandlers, allQueueNames)).toBe(jobHandlers);
    expect(new Set(Object.values(jobQueue))).toEqual(new Set(allQueueNames));
  });

  it('fails at start-up on a missing or unknown handler', () => {
    const { [JobName.StitchEpisode]: _missing, ...partial } = jobHandlers;
    expect(() => validateHandlers(partial, allQueueNames)).toThrow(/missing \[stitch-episode\]/);
    expect(() => validateHandlers({ ...jobHandlers, 'make-coffee': async () => 1 }, allQueueNames)).toThrow(/unknown \[make-coffee\]/);
  });

  it('refuses unknown queue names from the command line', () => {
    expect(parseQueueNames(['synthesise', 'synthesise'])).toEqual(['synthesise']);
    expect(() => parseQueueNames(['render'])).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', subject: 'render' }));
  });
});

describe('job ids', () => {
  const ref = { showId: 'daily', episodeId: '2026-11-28-abcd1234' };
  it('derive from content: the same episode and segment give the same ids, never with ":"', () => {
    expect(jobIds.publish(ref)).toBe(jobIds.publish({ ...ref }));
    expect(jobIds.segment(ref, 'f00d')).toBe('daily.2026-11-28-abcd1234.seg.f00d');
    const all = [jobIds.publish(ref), jobIds.stitch(ref), jobIds.script(ref), jobIds.segment(ref, 'f00d')];
    expect(new Set(all).size).toBe(4);
    for (const id of all) expect(id).not.toContain(':');
  });

  it('make one flow per episode: publish <- stitch <- write-script, failures travelling up', () => {
    const flow = episodeFlow(ref, { date: '2026-11-28T12:00:00.000Z' }, loadConfig({}).distributed);
    expect(flow.opts?.jobId).toBe(jobIds.publish(ref));
    const stitch = flow.children![0]!;
    expect(stitch.opts).toMatchObject({ jobId: jobIds.stitch(ref), failParentOnFailure: true });
    expect(stitch.children![0]).toMatchObject({ name: JobName.WriteScript, queueName: 'script', opts: { jobId: jobIds.script(ref), failParentOnFailure: true } });
  });
});

describe('errors at the worker edge', () => {
  it('turns a non-retryable BriefcastError into UnrecoverableError and keeps its code', () => {
    const refused = new BriefcastError(ErrorCodes.TTS_TEXT_REFUSED, 'too long', { subject: 'segment 3' });
    const error = toJobError(refused);
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect(error.name).toBe('UnrecoverableError');
    expect(failureOf(error)).toBe(refused);
    // After a trip through Redis only the message is left: the code still comes back.
    expect(failureOf(new Error(error.message))).toMatchObject({ code: 'TTS_TEXT_REFUSED', message: 'segment 3: too long' });
  });

  it('lets retryable errors and unknown errors through to be retried', () => {
    const transient = new BriefcastError(ErrorCodes.STORAGE_FAILED, 'reset', { retryable: true });
    expect(toJobError(transient)).toBe(transient);
    const socket = new Error('ECONNRESET');
    expect(toJobError(socket)).toBe(socket);
  });

  it('reads a provider Retry-After only from rate-limit errors', () => {
    expect(rateLimitDelayMs(new BriefcastError(ErrorCodes.TTS_RATE_LIMITED, '429', { retryable: true, retryAfterSeconds: 2.5 }))).toBe(2500);
    expect(rateLimitDelayMs(new BriefcastError(ErrorCodes.TTS_FAILED, '503', { retryable: true, retryAfterSeconds: 2 }))).toBeUndefined();
  });
});

describe('backoff', () => {
  it('doubles per attempt with half of each step random', () => {
    expect(backoffDelay(1, 1000, undefined, () => 0)).toBe(500);
    expect(backoffDelay(1, 1000, undefined, () => 0.998)).toBe(999);
    expect(backoffDelay(3, 1000, undefined, () => 0)).toBe(2000);
    expect(backoffDelay(3, 1000, undefined, () => 1)).toBe(4000);
  });

  it('never waits less than the server asked', () => {
    expect(backoffDelay(1, 100, 7, () => 0.5)).toBe(7000);
  });
});
