import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { BriefcastError, ErrorCodes } from '../../core/errors.js';
import { cliVersion } from '../providers/espeak.js';

/**
 * Text to IPA with eSpeak NG, the phonemiser Kokoro's own fallback uses. eSpeak drops
 * punctuation from its IPA, but Kokoro reads pauses and intonation from it, so the text
 * is cut into clauses here, each clause phonemised, and its punctuation put back.
 */
export interface Phonemiser {
  /** e.g. "espeak-ng-cli@1.51": part of the provider's engineId, since another build gives other phonemes. */
  readonly id: string;
  phonemise(text: string, language: string): Promise<string>;
  close(): Promise<void>;
}

interface Clause {
  /** Opening quotes or brackets before the words. */
  head: string;
  words: string;
  /** Punctuation that followed the clause, e.g. "," or "?", and a space when one followed. */
  tail: string;
}

// Clause punctuation Kokoro's vocabulary has a token for; quotes and brackets are pauses too.
const CLAUSE_END = /([,.;:!?…—–"“”()]+)(\s+|$)|\s+([—–"“”(])/gu;

export function splitClauses(text: string): Clause[] {
  const clean = text.replace(/[\p{Cc}\p{Cf}]+/gu, ' ');
  const clauses: Clause[] = [];
  let last = 0;
  for (const match of clean.matchAll(CLAUSE_END)) {
    const start = match.index ?? 0;
    const punctuation = (match[1] ?? match[3] ?? '').replace(/–/g, '—');
    clauses.push(clause(clean.slice(last, start), match[2] !== undefined ? `${punctuation}${match[2] ? ' ' : ''}` : ` ${punctuation} `));
    last = start + match[0].length;
  }
  clauses.push(clause(clean.slice(last), ''));
  return clauses.filter((entry) => entry.words !== '' || `${entry.head}${entry.tail}`.trim() !== '');
}

function clause(text: string, tail: string): Clause {
  const [, head = '', words = ''] = /^\s*([("“”]*)\s*(.*?)\s*$/su.exec(text) ?? [];
  return { head, words, tail };
}

export async function createPhonemiser(options: { engine?: 'auto' | 'cli' | 'wasm'; binary?: string } = {}): Promise<Phonemiser> {
  const binary = options.binary ?? 'espeak-ng';
  if (options.engine !== 'wasm') {
    const version = await cliVersion(binary);
    if (version) return clausePhonemiser(`espeak-ng-cli@${version}`, (lines, language) => runCli(binary, lines, language), async () => {});
    if (options.engine === 'cli') {
      throw new BriefcastError(ErrorCodes.PROVIDER_UNKNOWN, 'espeak-ng binary not found; install it or let Kokoro use the bundled WASM build', { subject: binary });
    }
  }
  const { Piscina } = await import('piscina');
  const version = (createRequire(import.meta.url)('espeak-ng/package.json') as { version: string }).version;
  // The eSpeak NG WASM worker of the espeak provider, reused: it runs one command line per task.
  const pool = new Piscina({ filename: new URL('../providers/espeak-wasm-worker.mjs', import.meta.url).href, minThreads: 0, maxThreads: 1, idleTimeout: 2000 });
  const run = async (lines: string[], language: string) => {
    // No stdin in the WASM build: the text is the last argument (a leading space keeps "-5" from reading as an option).
    const result = (await pool.run({ args: ['-q', '--ipa', '-v', language, ` ${lines.join('\n\n')}`] })) as { stdout: string };
    return result.stdout;
  };
  return clausePhonemiser(`espeak-ng-wasm@${version}`, run, () => pool.destroy());
}

function clausePhonemiser(id: string, run: (lines: string[], language: string) => Promise<string>, close: () => Promise<void>): Phonemiser {
  const linesOf = (out: string) => out.split('\n').map((line) => line.trim()).filter(Boolean);
  return {
    id,
    close,
    async phonemise(text, language) {
      if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(language)) throw new BriefcastError(ErrorCodes.VOICE_UNKNOWN, 'not an eSpeak NG language', { subject: language });
      const clauses = splitClauses(text);
      const spoken = clauses.filter((clause) => clause.words !== '');
      if (spoken.length === 0) return clauses.map((entry) => `${entry.head}${entry.tail}`).join('').trim();
      // One run for the whole text: a blank line between clauses gives one output line per clause.
      let phonemes = linesOf(await run(spoken.map((clause) => clause.words), language));
      if (phonemes.length !== spoken.length) {
        // eSpeak split a clause of its own accord (an abbreviation, say): phonemise them one by one instead.
        phonemes = [];
        for (const clause of spoken) phonemes.push(linesOf(await run([clause.words], language)).join(' '));
      }
      let next = 0;
      return clauses
        .map((entry) => `${entry.head}${entry.words === '' ? '' : phonemes[next++]}${entry.tail}`)
        .join('')
        .trim();
    },
  };
}

function runCli(binary: string, lines: string[], language: string): Promise<string> {
  const input = lines.join('\n\n');
  return new Promise((resolve, reject) => {
    // Text goes in on stdin, never through a shell; the timeout grows with the text, so only a hang trips it.
    const child = spawn(binary, ['-q', '--ipa', '-v', language, '--stdin'], { stdio: ['pipe', 'pipe', 'pipe'], timeout: 10_000 + input.length * 20 });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new BriefcastError(ErrorCodes.TTS_FAILED, `espeak-ng phonemiser failed (${signal ?? code}): ${Buffer.concat(err).toString().slice(0, 200)}`, { retryable: true }));
    });
    // A phonemiser that exits before reading all its input breaks the pipe (EPIPE); its exit code says what went wrong.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
