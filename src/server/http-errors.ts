import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ErrorCodes, isBriefcastError, type ErrorCode } from '../core/errors.js';

/** Codes only the HTTP layer produces (the pipeline's own codes are in core/errors.ts). */
export const HttpCodes = {
  VALIDATION: 'VALIDATION',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED: 'RATE_LIMITED',
  SHOW_EXISTS: 'SHOW_EXISTS',
  RANGE_NOT_SATISFIABLE: 'RANGE_NOT_SATISFIABLE',
  URI_TOO_LONG: 'URI_TOO_LONG',
  TOO_MANY_QUEUED: 'TOO_MANY_QUEUED',
} as const;

export type ApiErrorCode = ErrorCode | (typeof HttpCodes)[keyof typeof HttpCodes];

/**
 * The one table from error code to HTTP status. Input the producer can fix is
 * 400 (or 422 when a URL they gave could not be fetched); anything missing
 * from the table is our fault and a 500.
 */
export const STATUS_BY_CODE: Partial<Record<ApiErrorCode, number>> = {
  [HttpCodes.VALIDATION]: 400,
  [ErrorCodes.INPUT_EMPTY]: 400,
  [ErrorCodes.INPUT_BINARY]: 400,
  [ErrorCodes.INPUT_ENCODING]: 400,
  [ErrorCodes.INPUT_NOT_FOUND]: 400,
  [ErrorCodes.INPUT_UNSUPPORTED]: 400,
  [ErrorCodes.NO_EXTRACTABLE_TEXT]: 400,
  [ErrorCodes.URL_INVALID]: 400,
  [ErrorCodes.URL_REFUSED]: 400,
  [ErrorCodes.SCRIPT_INVALID]: 400,
  [ErrorCodes.CONFIG_INVALID]: 400,
  [ErrorCodes.VOICE_UNKNOWN]: 400,
  [ErrorCodes.PROVIDER_UNKNOWN]: 400,
  [HttpCodes.UNAUTHORIZED]: 401,
  [HttpCodes.FORBIDDEN]: 403,
  [HttpCodes.NOT_FOUND]: 404,
  [ErrorCodes.SHOW_NOT_FOUND]: 404,
  [ErrorCodes.LISTENER_NOT_FOUND]: 404,
  [ErrorCodes.EPISODE_NOT_FOUND]: 404,
  [ErrorCodes.STORAGE_NOT_FOUND]: 404,
  [ErrorCodes.STORAGE_CONFLICT]: 409,
  [HttpCodes.SHOW_EXISTS]: 409,
  [HttpCodes.BODY_TOO_LARGE]: 413,
  [ErrorCodes.INPUT_TOO_LARGE]: 413,
  [HttpCodes.URI_TOO_LONG]: 414,
  [HttpCodes.UNSUPPORTED_MEDIA_TYPE]: 415,
  [HttpCodes.RANGE_NOT_SATISFIABLE]: 416,
  [ErrorCodes.INPUT_LIMIT]: 422,
  [ErrorCodes.URL_UNREACHABLE]: 422,
  [ErrorCodes.URL_HTTP_STATUS]: 422,
  [ErrorCodes.URL_TOO_MANY_REDIRECTS]: 422,
  [ErrorCodes.URL_TIMEOUT]: 422,
  [HttpCodes.RATE_LIMITED]: 429,
  [HttpCodes.TOO_MANY_QUEUED]: 429,
  // Storage that failed for a moment (a torn read, an unreachable bucket): the client may ask again.
  [ErrorCodes.STORAGE_FAILED]: 503,
};

/** Fastify's own errors, by their code. */
const FASTIFY_CODES: Record<string, ApiErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: HttpCodes.BODY_TOO_LARGE,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: HttpCodes.UNSUPPORTED_MEDIA_TYPE,
  FST_ERR_CTP_EMPTY_JSON_BODY: HttpCodes.VALIDATION,
  FST_ERR_CTP_INVALID_JSON_BODY: HttpCodes.VALIDATION,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: HttpCodes.VALIDATION,
  FST_ERR_VALIDATION: HttpCodes.VALIDATION,
};

/** An error meant for the client, thrown by route handlers and hooks. */
export class HttpError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ErrorBody {
  error: { code: string; message: string; subject?: string };
}

export function errorBody(code: string, message: string, subject?: string): ErrorBody {
  return { error: { code, message, ...(subject ? { subject } : {}) } };
}

function validationMessage(error: FastifyError): string {
  // Every problem of a request in one answer (capped), not the first few.
  const issues = (error.validation ?? []).slice(0, 20).map((issue) => {
    const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    return `${error.validationContext ?? 'body'}${path ? `.${path}` : ''}: ${issue.message ?? 'invalid'}`;
  });
  return issues.join('; ') || error.message;
}

/** Longest path segment routed (ids are at most 128 characters); longer is a 414. */
export const MAX_PATH_SEGMENT = 256;

/** Every error leaves as `{ error: { code, message } }` with the status from the table. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    // The router does not match a parameter longer than its limit; say so instead of "no route".
    if (request.url.split('?')[0]!.split('/').some((segment) => segment.length > MAX_PATH_SEGMENT)) {
      void reply.code(414).send(errorBody(HttpCodes.URI_TOO_LONG, 'a path segment is too long'));
      return;
    }
    void reply.code(404).send(errorBody(HttpCodes.NOT_FOUND, `no route ${request.method} ${request.url.split('?')[0]}`));
  });
  app.setErrorHandler((error: FastifyError & { statusCode?: number }, request, reply) => {
    let code: string;
    let message = error.message;
    let subject: string | undefined;
    if (error instanceof HttpError) {
      code = error.code;
      void reply.headers(error.headers);
    } else if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      code = HttpCodes.VALIDATION;
      message = validationMessage(error as FastifyError);
    } else if (isBriefcastError(error)) {
      code = error.code;
      subject = error.subject;
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      code = ErrorCodes.INTERNAL;
      message = 'internal error';
    } else if (error.code && FASTIFY_CODES[error.code]) {
      code = FASTIFY_CODES[error.code]!;
    } else if (error.statusCode === 429) {
      code = HttpCodes.RATE_LIMITED;
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      code = HttpCodes.VALIDATION;
    } else {
      request.log.error({ err: error }, 'unhandled error');
      code = ErrorCodes.INTERNAL;
      message = 'internal error';
    }
    const status = STATUS_BY_CODE[code as ApiErrorCode] ?? (error.statusCode && error.statusCode >= 400 ? error.statusCode : 500);
    void reply.code(status).send(errorBody(code, message, subject));
  });
}
