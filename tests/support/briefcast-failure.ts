import { isBriefcastError, type BriefcastError } from '../../src/core/errors.js';

/** The BriefcastError a promise rejects with; anything else (success or a foreign error) fails the test. */
export async function briefcastFailure(promise: Promise<unknown>): Promise<BriefcastError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isBriefcastError(error)) throw new Error(`expected a BriefcastError, got ${String(error)}`);
  return error;
}
