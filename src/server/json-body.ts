import type { FastifyInstance } from 'fastify';
import { jsonDepth } from '../core/nesting.js';
import { HttpCodes, HttpError } from './http-errors.js';

/** Deepest nesting of objects and arrays a request body may have; no API body needs more than a handful. */
export const MAX_JSON_DEPTH = 64;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies are strict UTF-8 (a broken byte is a 400, not a stored U+FFFD) and
 * at most MAX_JSON_DEPTH deep (a deep body is refused before it is parsed, so no
 * later recursive walk can overflow the stack). Prototype-poisoning guards stay Fastify's.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(new HttpError(HttpCodes.VALIDATION, 'the body is not valid UTF-8'), undefined);
      return;
    }
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      done(new HttpError(HttpCodes.VALIDATION, `the body nests deeper than ${MAX_JSON_DEPTH} levels`), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
