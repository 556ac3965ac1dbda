import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflateRaw } from 'node:zlib';
import type { Dispatcher } from 'undici';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { checkAddress, checkHostname, type AddressVerdict } from './address-policy.js';
import type { IngestOptions } from './options.js';
import { redactUrl } from '../core/redact.js';
import { formatBytes } from '../core/readable.js';

export interface SafeFetchOptions extends IngestOptions {
  /** Accept header sent with every hop. */
  accept: string;
  /** Media type (lower case, no parameters; '' when the server sent none) the caller can read. */
  isAllowedType: (mediaType: string) => boolean;
  /** Resolver override, e.g. to map a test hostname; every address it returns is still checked. */
  lookup?: LookupFunction;
  /** Address decision override (embedding, tests); defaults to checkAddress with allowPrivateNetwork. */
  addressPolicy?: AddressPolicy;
}

export type AddressPolicy = (address: string) => AddressVerdict;

export interface SafeFetchResponse {
  /** URL after redirects. */
  url: string;
  status: number;
  mediaType: string;
  charset?: string;
  body: Uint8Array;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN',
  'UND_ERR_SOCKET', 'UND_ERR_CLOSED',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Raised inside the resolver so the connect attempt dies before a socket opens. */
class RefusedAddressError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Checks every resolved address at connect time, so a DNS answer that changes between check and use cannot slip through. */
function guardedLookup(base: LookupFunction, policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const entries = Array.isArray(address) ? address : [{ address, family }];
      for (const entry of entries) {
        const verdict = policy(entry.address);
        if (!verdict.allowed) return callback(new RefusedAddressError(`${hostname}: ${verdict.reason}`), address, family);
      }
      callback(null, address, family);
    });
  };
}

function findInChain<T>(error: unknown, pick: (e: Error & { code?: string }) => T | undefined): T | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const found = pick(current as Error & { code?: string });
    if (found !== undefined) return found;
  }
  return undefined;
}

function networkError(error: unknown, subject: string, timedOut: boolean): BriefcastError {
  if (error instanceof BriefcastError) return error;
  const refused = findInChain(error, (e) => (e instanceof RefusedAddressError ? e : undefined));
  if (refused) return new BriefcastError(ErrorCodes.URL_REFUSED, `refused ${refused.reason}`, { subject });
  const code = findInChain(error, (e) => e.code);
  if (timedOut || (code && TIMEOUT_CODES.has(code))) {
    return new BriefcastError(ErrorCodes.URL_TIMEOUT, 'timed out', { subject, retryable: true, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new BriefcastError(ErrorCodes.URL_UNREACHABLE, `unreachable (${code ?? message})`, {
    subject,
    retryable: code !== undefined && TRANSIENT_CODES.has(code),
    cause: error,
  });
}

function parseTarget(value: string, subject: string, redirected: boolean): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new BriefcastError(ErrorCodes.URL_INVALID, `malformed URL${redirected ? ' in redirect' : ''}`, { subject });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const code = redirected ? ErrorCodes.URL_REFUSED : ErrorCodes.URL_INVALID;
    throw new BriefcastError(code, `only http and https URLs are fetched, not ${url.protocol}`, { subject });
  }
  return url;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseContentType(value: string | undefined): { mediaType: string; charset?: string } {
  if (!value) return { mediaType: '' };
  const [type = '', ...params] = value.split(';');
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";]+)"?/i.exec(p)?.[1]).find(Boolean);
  return { mediaType: type.trim().toLowerCase(), ...(charset ? { charset } : {}) };
}

function statusError(status: number, subject: string, retryAfter: string | undefined): BriefcastError {
  const seconds = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined;
  return new BriefcastError(ErrorCodes.URL_HTTP_STATUS, `HTTP status ${status}`, {
    subject,
    retryable: RETRYABLE_STATUS.has(status),
    ...(seconds !== undefined ? { retryAfterSeconds: seconds } : {}),
    details: { status },
  });
}

/**
 * GET with the guards a server-side fetcher of user-given URLs needs: address policy on
 * every hop and at connect time, manual redirects, one deadline for the whole exchange,
 * a streamed size cap and a content-type check.
 */
export async function safeFetch(input: string, options: SafeFetchOptions): Promise<SafeFetchResponse> {
  // Errors name the URL without its credentials: they reach logs, records and API answers.
  const subject = redactUrl(input);
  let url = parseTarget(input.trim(), subject, false);
  const signal = AbortSignal.timeout(options.fetchTimeoutMs);
  const policy = options.addressPolicy ?? ((address: string) => checkAddress(address, options.allowPrivateNetwork));
  // Loaded on first use: a build from local files never fetches, and undici takes about 0.1 s to load.
  const { Agent, request } = await import('undici');
  const agent = new Agent({
    connect: { lookup: guardedLookup(options.lookup ?? (dnsLookup as LookupFunction), policy) },
  });
  try {
    for (let hop = 0; ; hop++) {
      const host = checkHostname(url.hostname, options.allowPrivateNetwork, policy);
      if (!host.allowed) throw new BriefcastError(ErrorCodes.URL_REFUSED, `refused ${host.reason}`, { subject });
      const response = await request(url, {
        method: 'GET',
        dispatcher: agent,
        signal,
        headers: { 'user-agent': options.userAgent, accept: options.accept },
      }).catch((error: unknown) => {
        throw networkError(error, subject, signal.aborted);
      });
      const status = response.statusCode;
      const location = headerValue(response.headers.location);
      if (REDIRECTS.has(status) && location) {
        await response.body.dump().catch(() => undefined);
        if (hop >= options.maxRedirects) {
          throw new BriefcastError(ErrorCodes.URL_TOO_MANY_REDIRECTS, `more than ${options.maxRedirects} redirects`, { subject });
        }
        url = parseTarget(new URL(location, url).href, subject, true);
        continue;
      }
      if (status < 200 || status > 299) {
        await response.body.dump().catch(() => undefined);
        throw statusError(status, subject, headerValue(response.headers['retry-after']));
      }
      const { mediaType, charset } = parseContentType(headerValue(response.headers['content-type']));
      if (!options.isAllowedType(mediaType)) {
        await response.body.dump().catch(() => undefined);
        throw new BriefcastError(ErrorCodes.INPUT_UNSUPPORTED, `unsupported content type ${mediaType || '(none)'}`, { subject });
      }
      const raw = await readCapped(response.body, options.maxBytes, subject, headerValue(response.headers['content-length']));
      const body = await decodeContent(raw, headerValue(response.headers['content-encoding']), options.maxBytes, subject);
      return { url: url.href, status, mediaType, ...(charset ? { charset } : {}), body };
    }
  } catch (error) {
    throw networkError(error, subject, signal.aborted);
  } finally {
    agent.destroy().catch(() => undefined);
  }
}

const inflate = { gzip: promisify(gunzip), 'x-gzip': promisify(gunzip), deflate: promisify(inflateRaw), br: promisify(brotliDecompress) } as const;

/**
 * Undici does not decompress: a body sent compressed anyway (we never ask for it) is
 * inflated here under the same size cap, so a gzip bomb stops at maxBytes of output.
 */
async function decodeContent(body: Uint8Array, encoding: string | undefined, maxBytes: number, subject: string): Promise<Uint8Array> {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  if (name === '' || name === 'identity') return body;
  const decoder = inflate[name as keyof typeof inflate];
  if (!decoder) throw new BriefcastError(ErrorCodes.INPUT_UNSUPPORTED, `unsupported content encoding ${name}`, { subject });
  try {
    return new Uint8Array(await decoder(body, { maxOutputLength: maxBytes }));
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new BriefcastError(ErrorCodes.INPUT_TOO_LARGE, `decompressed response larger than ${maxBytes} bytes`, { subject, details: { maxBytes } });
    }
    throw new BriefcastError(ErrorCodes.INPUT_BINARY, `response does not decompress as ${name}`, { subject, cause: error });
  }
}

type Body = Dispatcher.ResponseData['body'];

/** Reads at most maxBytes; a declared or streamed excess stops the download at once. */
async function readCapped(body: Body, maxBytes: number, subject: string, contentLength: string | undefined): Promise<Uint8Array> {
  // Destroying the stream makes undici emit an abort error nobody else awaits; swallow it here.
  body.on('error', () => undefined);
  const tooLarge = () =>
    new BriefcastError(ErrorCodes.INPUT_TOO_LARGE, `response larger than ${formatBytes(maxBytes)}`, { subject, details: { maxBytes } });
  if (contentLength && Number(contentLength) > maxBytes) {
    body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > maxBytes) {
      body.destroy();
      throw tooLarge();
    }
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}
