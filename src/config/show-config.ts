import { z } from 'zod';
import { itunesCategoryProblem } from './itunes-categories.js';
import { valueDepth } from '../core/nesting.js';

/** Registry names (providers, writers): plain lower-case words, so "__proto__" or a path is never a name. */
const registryName = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a registered name: lower-case letters, digits and dashes');
/** A voice name goes to a TTS engine, sometimes on its command line: no leading dash, no control characters. */
const voiceName = z
  .string()
  .min(1)
  .max(128)
  .refine((name) => !name.startsWith('-'), 'a voice name cannot start with "-"')
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'a voice name cannot contain control characters');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
/** Vendor options are small; deeper nesting is refused here so no later walk of them can overflow. */
const MAX_OPTIONS_DEPTH = 8;

/**
 * A show: everything about a podcast that does not change per episode.
 * The same schema validates the CLI's show file and (later) the HTTP API.
 */
export const voiceSchema = z.object({
  /** TTS provider name as registered, or "auto" (default): the best offline engine installed for the show's language. */
  provider: registryName.default('auto'),
  /** Provider voice name, e.g. "en-us" for eSpeak NG. */
  name: voiceName.default('en-us'),
  /** Speaking rate multiplier (1 = provider default). */
  speed: z.number().min(0.5).max(2).default(1),
  /** Display name for transcripts and podcast:person. */
  displayName: z.string().min(1).optional(),
  /** Vendor model or engine, e.g. "tts-1-hd", "eleven_flash_v2_5" or Polly's "neural" (default: the provider's). */
  model: z.string().min(1).optional(),
  /** Vendor-only options passed through to the provider, e.g. {"instructions": "calm newsreader"}. */
  options: z
    .record(z.string(), z.unknown())
    .refine((options) => valueDepth(options, MAX_OPTIONS_DEPTH) <= MAX_OPTIONS_DEPTH, `nests deeper than ${MAX_OPTIONS_DEPTH} levels`)
    .optional(),
});

/** A voice in the cast: provider and name are required, since a voice name only means something to its provider. */
export const castVoiceSchema = voiceSchema.extend({ provider: registryName, name: voiceName });

/** Several voices for one show; `voice` stays the default for anything not named here. */
export const voicesSchema = z
  .object({
    /** Reads the intro, transitions and outro (default: `voice`). */
    anchor: castVoiceSchema.optional(),
    /** Read the stories; each story keeps the same voice in every episode. */
    stories: z.array(castVoiceSchema).min(1).optional(),
    /** Reads quotations inside stories. */
    quotes: castVoiceSchema.optional(),
    /** Tried in order when a provider is down after its retries. */
    fallback: z.array(castVoiceSchema).optional(),
  })
  .strict();

/** Pronunciations by exact word: IPA for SSML engines, a respelling for the others. */
export const pronunciationsSchema = z.record(
  z.string().min(1),
  z
    .object({ ipa: z.string().min(1).optional(), say: z.string().min(1).optional() })
    .strict()
    .refine((entry) => entry.ipa !== undefined || entry.say !== undefined, 'needs "ipa", "say" or both'),
);

export const musicSchema = z.object({
  /** Audio file played before the intro (a path beside the show file; URLs are not fetched). */
  intro: z.string().min(1).refine((value) => !/^[a-z][a-z0-9+.-]*:/i.test(value), 'must be a file path, not a URL').optional(),
  /** Audio file played after the outro. */
  outro: z.string().min(1).refine((value) => !/^[a-z][a-z0-9+.-]*:/i.test(value), 'must be a file path, not a URL').optional(),
  /** Music level relative to the speech target, in dB (LU): 0 plays it as loud as the voice, -10 well under it. */
  gainDb: z.number().min(-40).max(10).default(0),
});

export const pausesSchema = z.object({
  /** Silence between segments of the same story and around transitions, in milliseconds. */
  segmentMs: z.number().int().min(0).max(10_000).default(400),
  /** Silence between stories, in milliseconds. */
  storyMs: z.number().int().min(0).max(10_000).default(900),
});

/** Articles written in another language than the show's (detected at cleaning, see src/language). */
export const otherLanguagesSchema = z
  .object({
    /** "read": with a voice for the article's language, named before the story; "skip": left out with a warning. */
    handling: z.enum(['read', 'skip']).default('read'),
    /** A voice per language (ISO 639-1 code, e.g. "de"); without one, the show's engine's own voice for the language. */
    voices: z.record(z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as "de"'), castVoiceSchema).optional(),
  })
  .strict();

/** Someone credited in the feed (Podcasting 2.0 podcast:person). */
export const personSchema = z.object({
  name: z.string().min(1).max(128),
  /** Role from the Podcasting 2.0 taxonomy, e.g. "host", "guest", "producer". */
  role: z.string().min(1).max(64).default('host'),
  group: z.string().min(1).max(64).optional(),
  href: z.url().optional(),
  img: z.url().optional(),
});

export const scriptOptionsSchema = z.object({
  /** "extractive" (offline, default) or "llm" (needs BRIEFCAST_LLM_MODEL and a key). */
  writer: registryName.default('extractive'),
  /** LLM writer: replaces its default instructions (grounding rules are always added). */
  systemPrompt: z.string().min(1).max(8000).optional(),
  /** LLM writer: a few words on tone, e.g. "calm, plain, no jokes". */
  tone: z.string().min(1).max(500).optional(),
  /** LLM writer: one host, or two in dialogue; `voice` names the TTS voice each host speaks with. */
  hosts: z.array(z.object({ name: z.string().min(1).max(80), voice: z.string().min(1).optional() })).max(2).optional(),
});

/** A time zone the runtime knows (IANA name such as "Europe/London"). */
const timeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as "Europe/London"');

/** A briefing made on a timetable from news feeds (src/schedule). */
export const scheduleSchema = z
  .object({
    /** Cron expression: 5 fields, or 6 with seconds first, e.g. "0 7 * * 1-5" (weekdays at 07:00). */
    cron: z.string().regex(/^\S+(\s+\S+){4,5}$/, 'must be a cron expression of 5 or 6 fields'),
    timezone: timeZoneSchema.default('UTC'),
    /** RSS 2.0, RSS 1.0/RDF, Atom or JSON Feed URLs. */
    feeds: z.array(httpUrl).min(1).max(20),
    /** Stories per briefing: the newest not used by an earlier episode. */
    stories: z.number().int().min(1).max(20).default(5),
    /** Target length of a scheduled episode (default: the show's targetMinutes). */
    targetMinutes: z.number().min(0.5).max(60).optional(),
    /** Make drafts for review instead of publishing at once. */
    draft: z.boolean().default(false),
  })
  .strict();

/** Where Briefcast POSTs signed notices when an episode is published or fails (src/webhooks). */
export const webhooksSchema = z
  .object({
    endpoints: z
      .array(
        z
          .object({ url: httpUrl, events: z.array(z.enum(['episode.published', 'episode.failed'])).min(1).default(['episode.published', 'episode.failed']) })
          .strict(),
      )
      .min(1)
      .max(10),
    /** HMAC-SHA256 key for the signature header; never returned by the API. */
    secret: z.string().min(16).max(256),
  })
  .strict();

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
    /** Locale of dates and numbers read aloud, e.g. "en-GB" (day-month) or "en-US" (month-day); default from `language`. */
    locale: z
      .string()
      .regex(/^[a-z]{2,3}-[A-Z]{2}$/, 'must be a locale such as "en-GB" or "en-US" (language-REGION)')
      .optional(),
    /** Apple Podcasts category, e.g. "News", with an optional subcategory such as "Daily News" (Apple's list: itunes-categories.ts). */
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
    // New shows get `auto`; a show that names "espeak" keeps it.
    voice: voiceSchema.default({ provider: 'auto', name: 'en-us', speed: 1 }),
    voices: voicesSchema.optional(),
    pronunciations: pronunciationsSchema.optional(),
    otherLanguages: otherLanguagesSchema.default({ handling: 'read' }),
    /** Target episode length in minutes. */
    targetMinutes: z.number().min(0.5).max(60).default(5),
    /** Spoken words per minute for the word budget; unset: the rate measured for the narrator's engine (src/script/speech-rate.ts). */
    wordsPerMinute: z.number().int().min(80).max(250).optional(),
    music: musicSchema.optional(),
    pauses: pausesSchema.default({ segmentMs: 400, storyMs: 900 }),
    script: scriptOptionsSchema.default({ writer: 'extractive' }),
    /** Newest episodes listed in the feed; older ones stay in storage. */
    feedMaxItems: z.number().int().min(1).max(1000).default(100),
    /** Time of day ("HH:MM") given as pubDate to episodes built for another day than today (`--date`). */
    publishTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as "HH:MM", e.g. "06:00"').default('06:00'),
    /** The show's time zone for publishTime (default: the schedule's time zone, else UTC). */
    timezone: timeZoneSchema.optional(),
    schedule: scheduleSchema.optional(),
    webhooks: webhooksSchema.optional(),
  })
  .strict()
  // Checked even when other fields are wrong, so one run reports every problem.
  .superRefine(
    (show, ctx) => {
      const raw = show as { category?: unknown; subcategory?: unknown };
      const problem = itunesCategoryProblem(raw.category ?? 'News', raw.subcategory);
      if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .refine((show) => !show.locale || show.locale.split('-')[0] === show.language.split('-')[0]?.toLowerCase(), {
    message: 'must be a locale of the show\'s language (e.g. "en-US" for language "en")',
    path: ['locale'],
  });

export type ShowConfig = z.infer<typeof showConfigSchema>;
export type ShowConfigInput = z.input<typeof showConfigSchema>;
export type VoiceConfig = z.infer<typeof voiceSchema>;
export type PersonConfig = z.infer<typeof personSchema>;
export type ScheduleConfig = z.infer<typeof scheduleSchema>;
export type WebhooksConfig = z.infer<typeof webhooksSchema>;
