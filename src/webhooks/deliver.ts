import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { checkAddress, checkHostname } from '../ingest/index.js';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signPayload } from './signature.js';
import type { WebhookDelivery } from './payload.js';

export interface AttemptOptions {
  secret: string;
  timeoutMs: number;
  allowPrivateNetwork: boolean;
  now?: () => Date;
}

export interface AttemptResult {
  ok: boolean;
  /** Worth trying again: network failures, timeouts, 408, 429 and 5xx. */
  retryable: boolean;
  status?: number;
  error?: string;
}

/** Connect-time address check, like the article fetcher's: a webhook cannot be aimed at internal services. */
function guardedLookup(allowPrivateNetwork: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const entries = Array.isArray(address) ? address : [{ address, family }];
      for (const entry of entries) {
        const verdict = checkAddress(entry.address, allowPrivateNetwork);
        if (!verdict.allowed) return callback(new Error(`refused ${verdict.reason}`), address, family);
      }
      callback(null, address, family);
    });
  };
}

/** One signed POST; redirects are not followed (a receiver that moved must be reconfigured). */
export async function attemptDelivery(delivery: WebhookDelivery, options: AttemptOptions): Promise<AttemptResult> {
  const target = new URL(delivery.url);
  const hostVerdict = checkHostname(target.hostname, options.allowPrivateNetwork);
  if (!hostVerdict.allowed) return { ok: false, retryable: false, error: `refused ${hostVerdict.reason}` };
  const timestamp = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  // Loaded on first delivery: most episodes have no webhook, and undici takes about 0.1 s to load.
  const { Agent, request } = await import('undici');
  const agent = new Agent({ connect: { lookup: guardedLookup(options.allowPrivateNetwork), timeout: options.timeoutMs } });
  try {
    const response = await request(target, {
      method: 'POST',
      dispatcher: agent,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Briefcast-Webhook/1',
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signPayload(options.secret, timestamp, delivery.body),
        [EVENT_HEADER]: delivery.event,
        [DELIVERY_HEADER]: delivery.id,
      },
      body: delivery.body,
    });
    await response.body.dump();
    const status = response.statusCode;
    if (status >= 200 && status < 300) return { ok: true, retryable: false, status };
    return { ok: false, retryable: status === 408 || status === 429 || status >= 500, status, error: `HTTP ${status}` };
  } catch (error) {
    const message = error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error);
    return { ok: false, retryable: !/refused /.test(message), error: message };
  } finally {
    await agent.close();
  }
}
