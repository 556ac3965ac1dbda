import type { ShowConfig, VoiceConfig } from '../config/show-config.js';
import type { EpisodeVoicePick, PickedVoice } from '../core/episode.js';
import { toBriefcastError } from '../core/errors.js';
import type { ProviderRegistry } from './provider-registry.js';
import type { VoiceInfo } from './speech-provider.js';
import { VOICE_RANKING, type RankedVoice } from './voice-ranking.js';

/**
 * The `auto` voice: the best offline engine this machine has for the show's
 * language, by the measured ranking in voice-ranking.ts. It is resolved once
 * per episode, when the episode is submitted, and the pick is stored in the
 * episode record, so every segment (on any worker) uses the same engines.
 */
export const AUTO_PROVIDER = 'auto';

export interface EngineSurveyRow {
  rank: RankedVoice;
  /** The concrete voice, when this machine has it. */
  choice?: PickedVoice;
  /** Why it is not usable here ("not installed: ...", "does not speak de"). */
  reason?: string;
}

/** Every ranked engine, in rank order, with whether it can speak `language` on this machine. */
export async function surveyEngines(providers: ProviderRegistry, language: string): Promise<EngineSurveyRow[]> {
  const wanted = language.toLowerCase();
  const voiceLists = new Map<string, Promise<{ engineId: string; voices: VoiceInfo[] } | Error>>();
  const voicesOf = (name: string) => {
    let list = voiceLists.get(name);
    if (!list) {
      list = providers.get(name).then(
        async (provider) => ({ engineId: provider.engineId, voices: await provider.listVoices() }),
        (error: unknown) => toBriefcastError(error),
      );
      voiceLists.set(name, list);
    }
    return list;
  };
  const rows: EngineSurveyRow[] = [];
  for (const rank of VOICE_RANKING) {
    if (!rank.languages.some((prefix) => prefix === '*' || wanted === prefix || wanted.startsWith(`${prefix}-`))) {
      rows.push({ rank, reason: `does not speak ${language}` });
      continue;
    }
    if (!providers.has(rank.provider)) {
      rows.push({ rank, reason: `provider "${rank.provider}" is not registered` });
      continue;
    }
    const listed = await voicesOf(rank.provider);
    if (listed instanceof Error) {
      rows.push({ rank, reason: `not installed: ${listed.message}` });
      continue;
    }
    if (rank.engine && !listed.engineId.startsWith(rank.engine)) {
      rows.push({ rank, reason: `this machine runs ${listed.engineId} instead` });
      continue;
    }
    const voice = rank.voice === '<language>' ? voiceForLanguage(listed.voices, wanted) : listed.voices.find((v) => v.name === rank.voice)?.name;
    if (!voice) {
      rows.push({ rank, reason: rank.voice === '<language>' ? `has no ${language} voice` : `voice not installed${rank.debianPackage ? ` (apt-get install ${rank.debianPackage})` : ''}` });
      continue;
    }
    rows.push({ rank, choice: { provider: rank.provider, voice, engine: listed.engineId, label: rank.label } });
  }
  return rows;
}

/** eSpeak NG names voices by language: the show's own tag, else its base language ("en" reads as US English, as before). */
function voiceForLanguage(voices: VoiceInfo[], language: string): string | undefined {
  const names = new Set(voices.map((voice) => voice.name.toLowerCase()));
  const base = language.split('-')[0]!;
  for (const candidate of [language, base === 'en' ? 'en-us' : base]) if (names.has(candidate)) return voices.find((v) => v.name.toLowerCase() === candidate)!.name;
  return voices.find((voice) => voice.name.toLowerCase().startsWith(`${base}-`))?.name;
}

/** True when any voice of the show (its default, cast, or fallback) asks for `auto`. */
export function usesAutoVoice(show: ShowConfig): boolean {
  const { voice, voices } = show;
  // `voice` only speaks when no anchor is named (stories without their own voices take the anchor's).
  return [voices?.anchor ?? voice, voices?.quotes, ...(voices?.stories ?? []), ...(voices?.fallback ?? [])].some((entry) => entry?.provider === AUTO_PROVIDER);
}

/**
 * Chooses a distinct speaker for each auto role, in rank order: the anchor
 * first, then the quotes voice, the story voices and the second host. When
 * the machine has fewer speakers than roles, picks repeat from the top.
 */
export async function resolveVoicePick(providers: ProviderRegistry, show: ShowConfig): Promise<EpisodeVoicePick | undefined> {
  if (!usesAutoVoice(show)) return undefined;
  const rows = await surveyEngines(providers, show.language);
  const usable = rows.flatMap((row) => (row.choice ? [{ choice: row.choice, speaker: row.rank.speaker ?? `${row.rank.provider}:${row.rank.voice}` }] : []));
  if (usable.length === 0) return undefined;
  // Distinct roles need distinct speakers: flite's slt is the same recorded speaker as Festival's HTS voice.
  let heard = new Set<string>();
  const take = (): PickedVoice => {
    const fresh = usable.find((entry) => !heard.has(entry.speaker));
    if (!fresh) heard = new Set();
    const entry = fresh ?? usable[0]!;
    heard.add(entry.speaker);
    return entry.choice;
  };
  const { voices } = show;
  const anchorConfig = voices?.anchor ?? show.voice;
  const pick: EpisodeVoicePick = { language: show.language, anchor: take(), reason: explain(rows, show.language) };
  if (anchorConfig.provider !== AUTO_PROVIDER) heard = new Set();
  if (voices?.quotes?.provider === AUTO_PROVIDER) pick.quotes = take();
  if (voices?.stories?.some((story) => story.provider === AUTO_PROVIDER)) pick.stories = voices.stories.map(() => take());
  const hosts = show.script.hosts ?? [];
  if (hosts.length > 1 && anchorConfig.provider === AUTO_PROVIDER) {
    pick.hosts = {};
    for (const [index, host] of hosts.entries()) if (host.voice) pick.hosts[host.voice] = index === 0 ? pick.anchor : take();
  }
  if (voices?.fallback?.some((entry) => entry.provider === AUTO_PROVIDER)) pick.fallback = usable[usable.length - 1]!.choice;
  return pick;
}

function explain(rows: EngineSurveyRow[], language: string): string {
  const first = rows.find((row) => row.choice);
  const skipped = rows.slice(0, first ? rows.indexOf(first) : rows.length).map((row) => `${row.rank.label}: ${row.reason}`);
  const measured = first?.rank.wer !== null && first?.rank.wer !== undefined ? `word error rate ${first.rank.wer} on the English demo script` : 'no measurement';
  return `${first?.choice?.label ?? 'nothing'} is the best-ranked engine for ${language} here (${measured})${skipped.length ? `; skipped ${skipped.join('; ')}` : ''}`;
}

/** The show with its auto roles replaced by the episode's pick; roles that name a provider keep it. */
export function applyVoicePick(show: ShowConfig, pick: EpisodeVoicePick | undefined): ShowConfig {
  if (!pick || !usesAutoVoice(show)) return show;
  const concrete = (config: VoiceConfig, picked: PickedVoice | undefined): VoiceConfig =>
    config.provider === AUTO_PROVIDER && picked ? { provider: picked.provider, name: picked.voice, speed: config.speed, ...(config.displayName ? { displayName: config.displayName } : {}) } : config;
  const voices = show.voices;
  return {
    ...show,
    voice: concrete(show.voice, pick.anchor),
    ...(voices
      ? {
          voices: {
            ...voices,
            ...(voices.anchor ? { anchor: concrete(voices.anchor, pick.anchor) as typeof voices.anchor } : {}),
            ...(voices.quotes ? { quotes: concrete(voices.quotes, pick.quotes) as typeof voices.quotes } : {}),
            ...(voices.stories ? { stories: voices.stories.map((story, index) => concrete(story, pick.stories?.[index]) as typeof story) } : {}),
            ...(voices.fallback ? { fallback: voices.fallback.map((entry) => concrete(entry, pick.fallback) as typeof entry) } : {}),
          },
        }
      : {}),
  };
}
