import { z } from 'zod';

/**
 * A show: everything about a podcast that does not change per episode.
 * The same schema validates the CLI's show file and (later) the HTTP API.
 */
export const voiceSchema = z.object({
  /** TTS provider name as registered (default: the offline eSpeak NG provider). */
  provider: z.string().min(1).default('espeak'),
  /** Provider voice name, e.g. "en-us" for eSpeak NG. */
  name: z.string().min(1).default('en-us'),
  /** Speaking rate multiplier (1 = provider default). */
  speed: z.number().min(0.5).max(2).default(1),
  /** Display name for transcripts and podcast:person. */
  displayName: z.string().min(1).optional(),
});

export const musicSchema = z.object({
  /** Audio file played before the intro. */
  intro: z.string().min(1).optional(),
  /** Audio file played after the outro. */
  outro: z.string().min(1).optional(),
  /** Gain applied to the music, in dB, relative to its own level before normalisation. */
  gainDb: z.number().min(-40).max(10).default(0),
});

export const pausesSchema = z.object({
  /** Silence between segments of the same story and around transitions, in milliseconds. */
  segmentMs: z.number().int().min(0).max(10_000).default(400),
  /** Silence between stories, in milliseconds. */
  storyMs: z.number().int().min(0).max(10_000).default(900),
});

/** Someone credited in the feed (Podcasting 2.0 podcast:person). */
export const personSchema = z.object({
  name: z.string().min(1).max(128),
  /** Role from the Podcasting 2.0 taxonomy, e.g. "host", "guest", "producer". */
  role: z.string().min(1).max(64).default('host'),
  group: z.string().min(1).max(64).optional(),
  href: z.url().optional(),
  img: z.url().optional(),
});

export const showConfigSchema = z
  .object({
    /** Short identifier used in storage keys and URLs: lowercase letters, digits and dashes. */
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes (max 63), starting with a letter or digit'),
    title: z.string().min(1).max(255),
    description: z.string().min(1).max(4000),
    author: z.string().min(1).max(255),
    /** BCP 47 language tag, e.g. "en" or "en-GB". */
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "en-GB"').default('en'),
    /** Apple Podcasts category, e.g. "News", with an optional subcategory such as "Daily News". */
    category: z.string().min(1).default('News'),
    subcategory: z.string().min(1).optional(),
    explicit: z.boolean().default(false),
    owner: z.object({ name: z.string().min(1), email: z.email() }).optional(),
    /** Show artwork: a file path (copied into storage) or an absolute URL. */
    artwork: z.string().min(1).optional(),
    /** People credited in the feed; voices with a displayName are credited as hosts too. */
    persons: z.array(personSchema).max(20).optional(),
    /** Podcasting 2.0 podcast:guid. Defaults to the UUIDv5 of the feed URL; pin it here before the feed moves. */
    podcastGuid: z.uuid().optional(),
    /** Website of the show (the feed's <link>). Defaults to the public base URL. */
    link: z.url().optional(),
    voice: voiceSchema.default({ provider: 'espeak', name: 'en-us', speed: 1 }),
    /** Target episode length in minutes. */
    targetMinutes: z.number().min(0.5).max(60).default(5),
    /** Spoken words per minute used to turn the target length into a word budget. */
    wordsPerMinute: z.number().int().min(80).max(250).default(150),
    music: musicSchema.optional(),
    pauses: pausesSchema.default({ segmentMs: 400, storyMs: 900 }),
    /** Newest episodes listed in the feed; older ones stay in storage. */
    feedMaxItems: z.number().int().min(1).max(1000).default(100),
  })
  .strict();

export type ShowConfig = z.infer<typeof showConfigSchema>;
export type ShowConfigInput = z.input<typeof showConfigSchema>;
export type VoiceConfig = z.infer<typeof voiceSchema>;
export type PersonConfig = z.infer<typeof personSchema>;
