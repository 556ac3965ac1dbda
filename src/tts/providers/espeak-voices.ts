import type { VoiceInfo } from '../speech-provider.js';

/** Parses `espeak-ng --voices` output (same table from the CLI and the WASM build). */
export function parseEspeakVoices(table: string): VoiceInfo[] {
  const voices = new Map<string, VoiceInfo>();
  for (const line of table.split('\n').slice(1)) {
    const columns = line.trim().split(/\s+/);
    const language = columns[1];
    const genderColumn = columns[2] ?? '';
    const file = columns[4] ?? '';
    // mbrola voices need separate data files that neither build ships.
    if (!language || file.startsWith('mb/') || voices.has(language)) continue;
    voices.set(language, {
      name: language,
      language,
      gender: genderColumn.endsWith('F') ? 'female' : 'male',
      description: (columns[3] ?? '').replace(/_/g, ' '),
    });
  }
  return [...voices.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** eSpeak NG accepts "language+variant" (e.g. "en-us+f3"); the language part must exist. */
export function splitEspeakVoice(voice: string): { language: string; variant?: string } {
  const [language = voice, variant] = voice.split('+', 2);
  return { language, variant };
}

/** eSpeak's words per minute for a speed multiplier; 160 wpm reads news comfortably. */
export function espeakRate(speed: number): number {
  return Math.round(160 * speed);
}
