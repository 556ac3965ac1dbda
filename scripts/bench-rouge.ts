/**
 * ROUGE of the extractive writer's sentence selection against LEAD-3, in one run on the same articles.
 *
 *   npx tsx scripts/bench-rouge.ts [--limit N] [--data path/to/file.jsonl]
 *
 * Data: one JSON object per line, {id, source, article, reference}, reference holding one highlight per line
 * (default: /work/shared/data/news/cnndm_validation_1000.jsonl, read here and nowhere else).
 * Length matching: for each article the writer gets LEAD-3's word count as its budget, and its selection is then
 * cut to at most that many words before scoring, so it is never longer than LEAD-3 (the uncut selection, which may
 * end up to half a sentence either side of the budget, is printed as a third row). Mean lengths are printed.
 * Scoring: js-rouge F1 (beta 1) on lower-cased alphanumeric tokens, no stemming, no stopword removal;
 * ROUGE-L is summary-level (union LCS over sentences, one sentence per line). Spoken rewriting is off.
 */
import { readFileSync } from 'node:fs';
import { l as rougeL, n as rougeN } from 'js-rouge';
import type { Article } from '../src/core/types.js';
import { splitSentences } from '../src/script/sentences.js';
import { extractStorySentences } from '../src/script/story-extract.js';
import { countWords } from '../src/script/tokens.js';

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

function parseArgs(argv: readonly string[]): { limit: number; data: string } {
  const args = { limit: Number.POSITIVE_INFINITY, data: decodeURIComponent(new URL('../../shared/data/news/cnndm_validation_1000.jsonl', import.meta.url).pathname) };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--limit' && value) {
      args.limit = Number(value);
      i++;
    } else if (flag === '--data' && value) {
      args.data = value;
      i++;
    } else {
      throw new Error(`unknown argument ${flag}; usage: bench-rouge.ts [--limit N] [--data file.jsonl]`);
    }
  }
  if (!(args.limit > 0)) throw new Error('--limit must be a positive number');
  return args;
}

function readRows(path: string, limit: number): Row[] {
  const rows: Row[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (rows.length >= limit) break;
    if (line.trim() === '') continue;
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

function main(): void {
  const { limit, data } = parseArgs(process.argv.slice(2));
  const rows = readRows(data, limit);
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
  console.log(`data: ${data}`);
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
}

main();
