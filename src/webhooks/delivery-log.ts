import type { Storage } from '../storage/storage.js';
import { workKeys } from '../storage/keys.js';
import type { WebhookDelivery } from './payload.js';

/** The outcome of one delivery, kept in work storage for operators and the API. */
export interface DeliveryOutcome {
  id: string;
  showId: string;
  event: string;
  url: string;
  status: 'delivered' | 'failed';
  attempts: number;
  responseStatus?: number;
  error?: string;
  finishedAt: string;
}

export async function recordOutcome(
  storage: Storage,
  delivery: WebhookDelivery,
  outcome: Omit<DeliveryOutcome, 'id' | 'showId' | 'event' | 'url'>,
): Promise<DeliveryOutcome> {
  const full: DeliveryOutcome = { id: delivery.id, showId: delivery.showId, event: delivery.event, url: delivery.url, ...outcome };
  await storage.put(workKeys.webhookDelivery(delivery.showId, delivery.id), `${JSON.stringify(full, null, 2)}\n`, { contentType: 'application/json' });
  return full;
}

export async function listOutcomes(storage: Storage, showId: string): Promise<DeliveryOutcome[]> {
  const prefix = workKeys.webhookDeliveriesPrefix(showId);
  const keys = await storage.list(prefix);
  const outcomes = await Promise.all(keys.map(async (key) => JSON.parse(Buffer.from(await storage.get(key)).toString('utf8')) as DeliveryOutcome));
  return outcomes.sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
}

/** True when this delivery id was already delivered: a duplicate event is not sent again. */
export async function wasDelivered(storage: Storage, delivery: Pick<WebhookDelivery, 'id' | 'showId'>): Promise<boolean> {
  try {
    const outcome = JSON.parse(Buffer.from(await storage.get(workKeys.webhookDelivery(delivery.showId, delivery.id))).toString('utf8')) as DeliveryOutcome;
    return outcome.status === 'delivered';
  } catch {
    return false;
  }
}
