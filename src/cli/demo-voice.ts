import { readFile } from 'node:fs/promises';
import type { EpisodeRecord } from '../core/episode.js';
import { BETTER_VOICE_APT_LINE } from '../tts/voice-ranking.js';

/**
 * What the demo says about its voice: the engine that spoke, and, when that
 * was eSpeak NG on Debian or Ubuntu, the one apt line that brings a clearer one.
 */
export async function demoVoiceLines(record: EpisodeRecord, osRelease = '/etc/os-release'): Promise<string[]> {
  const spoken = [...new Set(record.segments.map((segment) => `${segment.provider} "${segment.voice}"`))];
  const label = record.voicePick ? `${record.voicePick.anchor.label} (${record.voicePick.anchor.engine})` : spoken.join(', ');
  const lines = [`  voice:    ${label}${spoken.length > 0 ? `; spoke: ${spoken.join(', ')}` : ''}`];
  const onlyEspeak = record.segments.length > 0 && record.segments.every((segment) => segment.provider === 'espeak');
  if (onlyEspeak && (await isDebianLike(osRelease))) lines.push(`  a clearer voice: ${BETTER_VOICE_APT_LINE}  (then run the demo again)`);
  return lines;
}

async function isDebianLike(path: string): Promise<boolean> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(text);
}
