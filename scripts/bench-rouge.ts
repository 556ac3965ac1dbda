/**
 * ROUGE of the extractive writer's sentence selection against LEAD-3, in one run on the same articles.
 *
 *   npx tsx scripts/bench-rouge.ts [--limit N] [--half first|second|all] [--data path/to/file.jsonl]
 *
 * Data: one JSON object per line, {id, source, article, reference}, reference holding one highlight per line
 * (default: ../shared/data/news/cnndm_validation_1000.jsonl relative to the repository, read here and nowhere else).
 * `--half first` is the tuning half, `--half second` (the default) the held-out half that the figures report.
 * Differences to LEAD-3 are printed with a paired bootstrap 95% confidence interval (2,000 resamples, fixed seed).
 * Length matching: for each article the writer gets LEAD-3's word count as its budget, and its selection is then
 * cut to at most that many words before scoring, so it is never longer than LEAD-3 (the uncut selection, which may
 * end up to half a sentence either side of the budget, is printed as a third row). Mean lengths are printed.
 * Scoring: js-rouge F1 (beta 1) on lower-cased alphanumeric tokens, no stemming, no stopword removal;
 * ROUGE-L is summary-level (union LCS over sentences, one sentence per line). Spoken rewriting is off.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { l as rougeL, n as rougeN } from 'js-rouge';
import type { Article } from '../src/core/types.js';
import { splitSentences } from '../src/script/sentences.js';
import { extractStorySentences } from '../src/script/story-extract.js';
import { countWords } from '../src/script/tokens.js';
import { seededRandom } from './lib/seeded-random.js';

interface Row {
  id: string;
  article: string;
  reference: string;
}

interface Scores {
  r1: number;
  r2: number;
  rl: number;
  words: number;
}

type Half = 'first' | 'second' | 'all';
const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DATA = join(REPO, '..', 'shared', 'data', 'news', 'cnndm_validation_1000.jsonl');

function parseArgs(argv: readonly string[]): { limit: number; data: string; half: Half } {
  const args = { limit: Number.POSITIVE_INFINITY, data: DEFAULT_DATA, half: 'second' as Half };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--limit' && value) {
      args.limit = Number(value);
      i++;
    } else if (flag === '--half' && (value === 'first' || value === 'second' || value === 'all')) {
      args.half = value;
      i++;
    } else if (flag === '--data' && value) {
      args.data = value;
      i++;
    } else {
      throw new Error(`unknown argument ${flag}; usage: bench-rouge.ts [--limit N] [--half first|second|all] [--data file.jsonl]`);
    }
  }
  if (!(args.limit > 0)) throw new Error('--limit must be a positive number');
  return args;
}

function readRows(path: string, limit: number, half: Half): Row[] {
  const rows: Row[] = [];
  const all = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const middle = Math.floor(all.length / 2);
  const chosen = half === 'first' ? all.slice(0, middle) : half === 'second' ? all.slice(middle) : all;
  for (const line of chosen) {
    if (rows.length >= limit) break;
    const row = JSON.parse(line) as Partial<Row>;
    if (typeof row.article === 'string' && typeof row.reference === 'string' && row.article.trim() && row.reference.trim()) {
      rows.push({ id: String(row.id ?? rows.length), article: row.article, reference: row.reference });
    }
  }
  return rows;
}

const tokenizer = (text: string): string[] => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
const lines = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '');

function score(sentences: readonly string[], reference: string): Scores {
  const candidate = sentences.join('\n');
  if (tokenizer(candidate).length === 0) return { r1: 0, r2: 0, rl: 0, words: 0 };
  return {
    r1: rougeN(candidate, reference, { n: 1, tokenizer }),
    r2: rougeN(candidate, reference, { n: 2, tokenizer }),
    rl: rougeL(candidate, reference, { tokenizer, segmenter: lines }),
    words: countWords(sentences.join(' ')),
  };
}

/** The first `limit` words of the sentences, sentence breaks kept. */
function cutToWords(sentences: readonly string[], limit: number): string[] {
  const out: string[] = [];
  let left = limit;
  for (const sentence of sentences) {
    if (left <= 0) break;
    const words = sentence.split(/\s+/).filter(Boolean);
    out.push(words.slice(0, left).join(' '));
    left -= words.length;
  }
  return out;
}

function mean(all: readonly Scores[]): Scores {
  const sum = (key: keyof Scores): number => all.reduce((total, s) => total + s[key], 0) / Math.max(1, all.length);
  return { r1: sum('r1'), r2: sum('r2'), rl: sum('rl'), words: sum('words') };
}


/** Mean paired difference (x 100) and its percentile bootstrap 95% interval. */
function bootstrapDifference(a: readonly number[], b: readonly number[], resamples = 2000): [number, number, number] {
  const diffs = a.map((x, i) => 100 * (x - (b[i] ?? 0)));
  const n = diffs.length;
  const meanOf = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  const next = seededRandom(20251201);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += diffs[Math.floor(next() * n)] ?? 0;
    means.push(sum / Math.max(1, n));
  }
  means.sort((x, y) => x - y);
  return [meanOf(diffs), means[Math.floor(0.025 * resamples)] ?? 0, means[Math.ceil(0.975 * resamples) - 1] ?? 0];
}

function main(): void {
  const { limit, data, half } = parseArgs(process.argv.slice(2));
  const rows = readRows(data, limit, half);
  const lead: Scores[] = [];
  const writer: Scores[] = [];
  const uncut: Scores[] = [];
  const started = performance.now();
  for (const row of rows) {
    const reference = lines(row.reference).join('\n');
    const lead3 = splitSentences(row.article).slice(0, 3);
    const budget = countWords(lead3.join(' '));
    const article: Article = { id: row.id, title: '', text: row.article, source: 'bench' };
    const picked = extractStorySentences([article], '', budget, { spoken: false });
    lead.push(score(lead3, reference));
    writer.push(score(cutToWords(picked, budget), reference));
    uncut.push(score(picked, reference));
  }
  const seconds = (performance.now() - started) / 1000;
  const fmt = (x: number): string => (100 * x).toFixed(2).padStart(7);
  console.log(`data: ${data} (${half === 'all' ? 'all rows' : `${half} half`})`);
  console.log(`articles: ${rows.length}; F1 x 100, js-rouge, lower-cased alphanumeric tokens, no stemming`);
  console.log('system                      ROUGE-1 ROUGE-2 ROUGE-L  mean words');
  const table = [['LEAD-3', lead], ['extractive writer', writer], ['extractive writer, uncut', uncut]] as const;
  for (const [name, all] of table) {
    const m = mean(all);
    console.log(`${name.padEnd(27)} ${fmt(m.r1)} ${fmt(m.r2)} ${fmt(m.rl)}  ${m.words.toFixed(1).padStart(10)}`);
  }
  const wins = writer.filter((w, i) => w.r1 > (lead[i]?.r1 ?? 0)).length;
  const losses = writer.filter((w, i) => w.r1 < (lead[i]?.r1 ?? 0)).length;
  console.log(`writer vs LEAD-3 on ROUGE-1: ahead in ${wins}, behind in ${losses} of ${rows.length} articles; ${seconds.toFixed(1)} s`);
  console.log('writer (cut) minus LEAD-3, paired bootstrap 95% CI:');
  for (const key of ['r1', 'r2', 'rl'] as const) {
    const [d, lo, hi] = bootstrapDifference(writer.map((s) => s[key]), lead.map((s) => s[key]));
    const name = { r1: 'ROUGE-1', r2: 'ROUGE-2', rl: 'ROUGE-L' }[key];
    console.log(`  ${name}: ${d >= 0 ? '+' : ''}${d.toFixed(2)}  [${lo.toFixed(2)}, ${hi.toFixed(2)}]`);
  }
}

main();
