import type { ShowConfig } from '../config/show-config.js';
import type { EpisodeVoicePick, PickedVoice } from '../core/episode.js';
import type { EngineSurveyRow } from './auto-voice.js';
import { BETTER_VOICE_APT_LINE } from './voice-ranking.js';

/**
 * The text `briefcast voices` prints: every ranked offline engine with
 * whether this machine has it for the language, then what `auto` picks for
 * each role and why. Pure formatting, so the CLI and tests share it.
 */
export function formatEngineSurvey(language: string, rows: EngineSurveyRow[]): string[] {
  const lines = [`Offline engines for ${language}, best first (ranking measured by scripts/bench-voices.ts):`];
  for (const [index, row] of rows.entries()) {
    const measured = row.rank.wer === null ? 'WER not measured' : `WER ${row.rank.wer.toFixed(2)}`;
    const status = row.choice ? `installed: ${row.choice.provider} voice "${row.choice.voice}" (${row.choice.engine})` : row.reason;
    lines.push(`  ${index + 1}. ${row.rank.label.padEnd(36)} ${measured.padEnd(16)} ${status}`);
  }
  return lines;
}

export function formatPick(show: Pick<ShowConfig, 'language'>, pick: EpisodeVoicePick | undefined): string[] {
  if (!pick) return ['auto: no offline engine found (the bundled eSpeak NG build should always be there; is the espeak provider registered?)'];
  const lines = [`auto picks for a ${show.language} show: ${describe(pick.anchor)}`, `  why: ${pick.reason}`];
  if (pick.quotes) lines.push(`  quotes voice: ${describe(pick.quotes)}`);
  for (const [index, story] of (pick.stories ?? []).entries()) lines.push(`  story voice ${index + 1}: ${describe(story)}`);
  for (const [name, host] of Object.entries(pick.hosts ?? {})) lines.push(`  host "${name}": ${describe(host)}`);
  if (pick.fallback) lines.push(`  fallback voice: ${describe(pick.fallback)}`);
  const region = show.language.toLowerCase().split('-')[1];
  if (region && pick.anchor.provider !== 'espeak' && !pick.anchor.label.toLowerCase().includes(regionName(region))) {
    lines.push(`  note: no ${show.language} voice ranks higher here, so this ${show.language} show is read by ${pick.anchor.label}`);
  }
  if (pick.anchor.provider === 'espeak' && /^en\b/i.test(show.language)) lines.push(`  for a clearer voice on Debian/Ubuntu: ${BETTER_VOICE_APT_LINE}`);
  return lines;
}

function describe(voice: PickedVoice): string {
  return `${voice.label} (${voice.provider} voice "${voice.voice}", ${voice.engine})`;
}

function regionName(region: string): string {
  return ({ gb: 'british', us: 'us english', au: 'australian', ie: 'irish', in: 'indian' } as Record<string, string>)[region] ?? region;
}
