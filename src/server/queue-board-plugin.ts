import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyPluginAsync } from 'fastify';
import type { KeyStore } from '../auth/key-store.js';
import { authenticate } from './auth-plugin.js';
import { errorBody, HttpError, STATUS_BY_CODE } from './http-errors.js';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * The BullMQ dashboard for operators: unscoped keys only, as Bearer or as the
 * password of HTTP Basic so a browser can open it. Its routes are its own, so
 * the check is a hook of this encapsulated plugin.
 */
export const queueBoardPlugin: FastifyPluginAsync<{ queues: Queue[]; keys: KeyStore }> = async (app, { queues, keys }) => {
  // bull-board installs its own error handler for its routes, so refusals are answered here rather than thrown.
  app.addHook('onRequest', async (request, reply) => {
    try {
      await authenticate(request, keys, 'operator');
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      return reply
        .code(STATUS_BY_CODE[error.code] ?? 401)
        .header('www-authenticate', 'Basic realm="briefcast operators"')
        .send(errorBody(error.code, error.message));
    }
  });
  const serverAdapter = new FastifyAdapter();
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: false })), serverAdapter });
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  await app.register(serverAdapter.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
};
