import { execFile } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Does the audio say the script? An offline recogniser trained on human
 * speech (Debian's pocketsphinx with its US English model) transcribes it and
 * the word error rate against the script is the answer: near 0.3 for a clear
 * synthetic voice, near 1 for silence or the wrong text. Shared by the voice
 * benchmark (scripts/bench-voices.ts) and the tests that listen to episodes.
 */
const execFileAsync = promisify(execFile);

export const POCKETSPHINX_MODEL = {
  hmm: '/usr/share/pocketsphinx/model/en-us/en-us',
  lm: '/usr/share/pocketsphinx/model/en-us/en-us.lm.bin',
  dict: '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict',
};

/** Throws a clear error naming the Debian packages when pocketsphinx or its model is missing. */
export async function assertRecogniserInstalled(): Promise<void> {
  try {
    await Promise.all([access(POCKETSPHINX_MODEL.lm), access(POCKETSPHINX_MODEL.dict), access(POCKETSPHINX_MODEL.hmm)]);
    await execFileAsync('which', ['pocketsphinx_continuous']);
  } catch {
    throw new Error('pocketsphinx is not installed: apt-get install pocketsphinx pocketsphinx-en-us');
  }
}

/** Transcribes any audio file ffmpeg reads: converted to 16 kHz mono first, as the model expects. */
export async function transcribe(audioPath: string, ffmpeg = 'ffmpeg'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'briefcast-asr-'));
  try {
    const wav = join(dir, 'a16k.wav');
    await execFileAsync(ffmpeg, ['-v', 'error', '-y', '-i', audioPath, '-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le', wav]);
    const { stdout } = await execFileAsync(
      'pocketsphinx_continuous',
      ['-infile', wav, '-hmm', POCKETSPHINX_MODEL.hmm, '-lm', POCKETSPHINX_MODEL.lm, '-dict', POCKETSPHINX_MODEL.dict, '-logfn', '/dev/null'],
      { maxBuffer: 16 * 1024 * 1024, timeout: 30 * 60_000 },
    );
    return stdout.trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Word error rate: (substitutions + deletions + insertions) / reference words, on normalised words. */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const ref = wordsOf(reference);
  const hyp = wordsOf(hypothesis);
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  let previous = Array.from({ length: hyp.length + 1 }, (_, index) => index);
  for (let i = 1; i <= ref.length; i++) {
    const current = [i];
    for (let j = 1; j <= hyp.length; j++) {
      const substitution = previous[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    previous = current;
  }
  return previous[hyp.length]! / ref.length;
}

/** Lower-case words with numbers spelled out, punctuation gone, hyphenated words split: what a recogniser writes. */
export function wordsOf(text: string): string[] {
  return spellNumbers(text)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’]s\b/g, 's')
    .replace(/[^a-z0-9']+/g, ' ')
    .replace(/'/g, '')
    .split(/\s+/)
    .filter(Boolean);
}

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL: Record<string, string> = { one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth' };

/** English cardinal for 0 <= n < 10^12, the way a newsreader says it (no "and"). */
export function cardinal(n: number): string {
  if (n < 20) return ONES[n]!;
  if (n < 100) return `${TENS[Math.floor(n / 10)]}${n % 10 ? ` ${ONES[n % 10]}` : ''}`;
  if (n < 1000) return `${ONES[Math.floor(n / 100)]} hundred${n % 100 ? ` ${cardinal(n % 100)}` : ''}`;
  for (const [size, name] of [
    [1e9, 'billion'],
    [1e6, 'million'],
    [1e3, 'thousand'],
  ] as const) {
    if (n >= size) return `${cardinal(Math.floor(n / size))} ${name}${n % size ? ` ${cardinal(n % size)}` : ''}`;
  }
  return String(n);
}

/** "1984" as a year: "nineteen eighty four"; 2000-2009 as "two thousand (and) n". */
export function year(n: number): string {
  if (n >= 2000 && n < 2010) return cardinal(n);
  const high = Math.floor(n / 100);
  const low = n % 100;
  return `${cardinal(high)} ${low === 0 ? 'hundred' : low < 10 ? `oh ${ONES[low]}` : cardinal(low)}`;
}

function ordinal(words: string): string {
  const parts = words.split(' ');
  const last = parts.pop()!;
  const spoken = ORDINAL[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return [...parts, spoken].join(' ');
}

/** Spells out the numbers in text: years, decades, ordinals, decimals, thousands separators, per cent. */
const UNITS: Record<string, string> = { km: 'kilometres', mph: 'miles per hour', C: 'degrees Celsius', p: 'pence', m: 'metres', kg: 'kilograms' };

export function spellNumbers(text: string): string {
  return text
    .replace(/\b(\d+(?:\.\d+)?)(km|mph|C|p|m|kg)\b/g, (_, value: string, unit: string) => `${value} ${UNITS[unit]}`)
    .replace(/\b(\d{2})(\d{2})s\b/g, (_, high: string, low: string) => {
      const spoken = year(Number(high + low));
      return `${spoken.replace(/y$/, 'ie')}s`;
    })
    .replace(/\b(\d+)(st|nd|rd|th)\b/g, (_, digits: string) => ordinal(cardinal(Number(digits))))
    .replace(/\b(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\b/g, (match: string, whole: string, fraction: string | undefined) => {
      const value = Number(whole.replace(/,/g, ''));
      if (!Number.isSafeInteger(value) || value >= 1e12) return match;
      const isYear = !whole.includes(',') && fraction === undefined && value >= 1100 && value <= 2099;
      const spoken = isYear ? year(value) : cardinal(value);
      return fraction === undefined ? spoken : `${spoken} point ${[...fraction].map((digit) => ONES[Number(digit)]).join(' ')}`;
    })
    .replace(/%/g, ' percent');
}
