import type { EpisodeSegmentInfo } from '../core/episode.js';
import type { ShowConfig } from '../config/show-config.js';

/**
 * Who is heard in the show: voice display names for transcript voice tags and
 * podcast:person, plus the people the show lists. A voice without a display
 * name stays anonymous (an engine voice id is not a name to show listeners).
 */
interface NamedVoice {
  provider: string;
  name: string;
  displayName?: string;
}

export interface FeedPerson {
  name: string;
  role: string;
  group?: string;
  href?: string;
  img?: string;
}

/** Every voice the show configures; `voices` (the cast) is read structurally so shows without it still type-check. */
function showVoices(show: ShowConfig, withFallback = true): NamedVoice[] {
  const cast = (show as { voices?: { anchor?: NamedVoice; stories?: NamedVoice[]; quotes?: NamedVoice; fallback?: NamedVoice[] } }).voices;
  return [show.voice, cast?.anchor, ...(cast?.stories ?? []), cast?.quotes, ...(withFallback ? (cast?.fallback ?? []) : [])].filter(
    (voice): voice is NamedVoice => Boolean(voice),
  );
}

export function speakerResolver(show: ShowConfig): (segment: EpisodeSegmentInfo) => string | undefined {
  const voices = showVoices(show);
  return (segment) => {
    const exact = voices.find((voice) => voice.provider === segment.provider && voice.name === segment.voice && voice.displayName);
    return exact?.displayName ?? voices.find((voice) => voice.name === segment.voice && voice.displayName)?.displayName;
  };
}

export function feedPersons(show: ShowConfig): FeedPerson[] {
  const persons: FeedPerson[] = (show.persons ?? []).map((person) => ({ ...person }));
  // Fallback voices stand in only when a provider is down: not credited as hosts.
  for (const voice of showVoices(show, false)) {
    if (voice.displayName && !persons.some((person) => person.name === voice.displayName)) {
      persons.push({ name: voice.displayName, role: 'host' });
    }
  }
  return persons;
}
