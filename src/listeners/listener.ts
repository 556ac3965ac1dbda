import { z } from 'zod';

/**
 * A listener of one show: what they follow, how long their briefing may be,
 * the name the greeting uses and where their day starts. The private feed
 * token is never stored, only its hash (see listener-token.ts).
 */
const term = z.string().trim().min(1).max(80);

export const followsSchema = z
  .object({
    /** Keywords or feed categories, matched against titles, bodies and categories. */
    topics: z.array(term).max(20).default([]),
    /** Site names or source hosts ("BBC News", "reuters.com"). */
    sources: z.array(term).max(20).default([]),
    /** Named people or places, matched against the stories' named entities. */
    people: z.array(term).max(20).default([]),
  })
  .strict();

export type Follows = z.infer<typeof followsSchema>;

// Building a DateTimeFormat costs about 0.2 ms, paid on every stored listener read: remember the answers.
const knownZones = new Map<string, boolean>();

function validTimeZone(zone: string): boolean {
  let valid = knownZones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    if (knownZones.size < 1_000) knownZones.set(zone, valid);
  }
  return valid;
}

/** What a producer (or the listener, for the follows part) may set. */
export const listenerInputSchema = z
  .object({
    name: z.string().trim().min(1).max(60).regex(/^[^<>\n\r]+$/, 'a name without markup or line breaks').optional(),
    follows: followsSchema.default({ topics: [], sources: [], people: [] }),
    /** Longest briefing this listener wants, in minutes. */
    targetMinutes: z.number().min(0.5).max(60).default(10),
    timeZone: z.string().max(64).refine(validTimeZone, 'an IANA time zone such as Europe/Lisbon').default('UTC'),
    /** Local time in `timeZone` from which the day's episode appears in the feed. */
    deliverAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM').default('06:00'),
  })
  .strict();

export type ListenerInput = z.input<typeof listenerInputSchema>;

export const listenerSchema = listenerInputSchema.extend({
  id: z.string().regex(/^l-[a-f0-9]{16}$/),
  showId: z.string(),
  /** SHA-256 of the current feed token, hex. */
  tokenHash: z.string().regex(/^[a-f0-9]{64}$/),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type Listener = z.infer<typeof listenerSchema>;

/** What the API and CLI show: everything but the token hash. */
export function publicListener(listener: Listener): Omit<Listener, 'tokenHash'> {
  const { tokenHash: _hash, ...rest } = listener;
  return rest;
}
