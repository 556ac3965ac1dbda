/**
 * Runs work under a named lock. The in-process version serialises callers in
 * this process; the distributed mode supplies a Redis-backed one with the same shape.
 */
export type KeyedLock = <T>(name: string, work: () => Promise<T>) => Promise<T>;

export function createInProcessLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const previous = tails.get(name) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(work);
    tails.set(name, run);
    try {
      return await run;
    } finally {
      if (tails.get(name) === run) tails.delete(name);
    }
  };
}
