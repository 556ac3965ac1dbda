import { BriefcastError, ErrorCodes, isBriefcastError } from '../core/errors.js';
import type { EpisodeRef } from '../pipeline/episode-lifecycle.js';
import type { PieceFailFast } from '../pipeline/render-segment.js';

/**
 * The synthesis jobs of one episode in this worker process, failing fast
 * together (see PieceFailFast): a failure no retry can help (a refused key)
 * ends the episode, so this process's other jobs of it stop before their engine
 * calls, failing with CHILD_FAILED, which never replaces the recorded reason.
 * A failure a retry may help leaves them alone: the queue retries that job.
 */
export class EpisodeFailFast {
  private readonly scopes = new Map<string, { controller: AbortController; jobs: number }>();

  async run<T>(ref: EpisodeRef, work: (failFast: PieceFailFast) => Promise<T>): Promise<T> {
    const key = `${ref.showId}/${ref.episodeId}`;
    const scope = this.scopes.get(key) ?? { controller: new AbortController(), jobs: 0 };
    this.scopes.set(key, scope);
    scope.jobs += 1;
    const fail = (error: unknown) => {
      if (!isBriefcastError(error) || error.retryable || scope.controller.signal.aborted) return;
      scope.controller.abort(new BriefcastError(ErrorCodes.CHILD_FAILED, `another piece of this episode failed for good (${error.code})`, { retryable: false }));
    };
    try {
      return await work({ signal: scope.controller.signal, fail });
    } finally {
      scope.jobs -= 1;
      if (scope.jobs === 0) this.scopes.delete(key);
    }
  }
}
