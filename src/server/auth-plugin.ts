import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiPrincipal, KeyStore } from '../auth/key-store.js';
import { HttpCodes, HttpError } from './http-errors.js';

/**
 * "key": any valid key, limited to its show when scoped; "optional": public
 * routes that show more to a key holder; "operator": unscoped keys only
 * (queue dashboard, key-wide listings). Routes without `auth` are public.
 */
export type AuthMode = 'key' | 'optional' | 'operator';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: ApiPrincipal;
  }
  interface FastifyContextConfig {
    auth?: AuthMode;
  }
}

const CHALLENGE = { 'www-authenticate': 'Bearer realm="briefcast"' };

/** Bearer for API clients; Basic (any user name, the key as password) so a browser can open the queue dashboard. */
function presentedKey(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  // Exactly "<scheme> <credentials>": anything after the credentials means the header is not what it seems.
  const match = /^([A-Za-z]+) ([A-Za-z0-9._~+/=-]+)$/.exec(header.trim());
  if (!match) return null;
  const scheme = match[1]!;
  const value = match[2]!;
  if (scheme.toLowerCase() === 'bearer') return value;
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1) || null;
  }
  return null;
}

/** May this request act on `showId`? Throws 403 for a key scoped to another show. */
export function assertShowAccess(request: FastifyRequest, showId: string): void {
  const scope = request.principal?.showId;
  if (scope && scope !== showId) throw new HttpError(HttpCodes.FORBIDDEN, `this key may only act on show "${scope}"`);
}

/** Checks the presented key against `mode`; sets request.principal. Also used by plugins with routes of their own (the queue dashboard). */
export async function authenticate(request: FastifyRequest, keys: KeyStore, mode: AuthMode): Promise<void> {
  const key = presentedKey(request);
  if (!key) {
    if (mode === 'optional') return;
    throw new HttpError(HttpCodes.UNAUTHORIZED, 'send an API key: Authorization: Bearer <key>', CHALLENGE);
  }
  const principal = await keys.verify(key);
  if (!principal) throw new HttpError(HttpCodes.UNAUTHORIZED, 'unknown API key', CHALLENGE);
  request.principal = principal;
  if (mode === 'operator' && principal.showId) throw new HttpError(HttpCodes.FORBIDDEN, 'this needs a key not scoped to a show');
  const showId = (request.params as { showId?: string } | undefined)?.showId;
  if (showId !== undefined) assertShowAccess(request, showId);
}

/** Runs on every request before the body is read, so unauthenticated uploads are refused without being parsed. */
const auth: FastifyPluginAsync<{ keys: KeyStore }> = async (app, { keys }) => {
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (request) => {
    const mode = request.routeOptions.config?.auth;
    if (mode) await authenticate(request, keys, mode);
  });
};

export const authPlugin = fp(auth, { name: 'briefcast-auth' });
