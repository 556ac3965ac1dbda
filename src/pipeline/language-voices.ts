/**
 * Voices for stories in another language than the show's: a voice configured in
 * `otherLanguages.voices`, else one the story's own engine lists for that language.
 */
import type { ScriptDocument } from '../core/types.js';
import type { ShowConfig } from '../config/show-config.js';
import { primaryLanguage } from '../language/language-tag.js';
import { selectSegmentVoices } from '../tts/segment-voices.js';
import type { ProviderRegistry } from '../tts/provider-registry.js';

/** The name of a voice of `provider` for `language`: the one named exactly so, else the first whose language matches. */
export async function engineVoiceFor(providers: ProviderRegistry, provider: string, language: string): Promise<string | undefined> {
  let voices;
  try {
    voices = await (await providers.get(provider)).listVoices();
  } catch {
    return undefined;
  }
  const matching = voices.filter((voice) => primaryLanguage(voice.language) === language);
  const preferred = [language, `${language}-${language}`];
  return (preferred.map((name) => matching.find((voice) => voice.name === name)).find(Boolean) ?? matching[0])?.name;
}

/** Whether every engine that may read a story of this show can read `language`. */
export async function showHasVoiceFor(providers: ProviderRegistry, show: ShowConfig, language: string): Promise<boolean> {
  if (show.otherLanguages.voices?.[language]) return true;
  const storyVoices = show.voices?.stories ?? [show.voices?.anchor ?? show.voice];
  const engines = [...new Set(storyVoices.map((voice) => voice.provider))];
  for (const engine of engines) if (!(await engineVoiceFor(providers, engine, language))) return false;
  return true;
}

/** Pins the engine's voice on each other-language story that has no configured voice (segmentRequest reads configured ones). */
export async function pinLanguageVoices(providers: ProviderRegistry, show: ShowConfig, script: ScriptDocument): Promise<ScriptDocument> {
  const segments = [];
  for (const segment of script.segments) {
    if (!segment.language || segment.voice || show.otherLanguages.voices?.[segment.language]) {
      segments.push(segment);
      continue;
    }
    const { primary } = selectSegmentVoices(show, segment);
    const voice = await engineVoiceFor(providers, primary.provider, segment.language);
    segments.push(voice ? { ...segment, voice } : segment);
  }
  return { ...script, segments };
}
