/**
 * Ear-check counts per 1,000 articles for the old writer (git commit 69b95e2) and the writer in this tree, side by side.
 *
 *   npx tsx scripts/bench-ear-check.ts [--limit N] [--data file.jsonl] [--old-commit SHA] [--verbose] [--findings]
 *
 * --findings lists the new writer's findings of the goal codes (which briefing and article, an excerpt), to inspect.
 *
 * Articles (default: /work/shared/data/news/cnndm_validation_1000.jsonl, read here and nowhere else) are taken in file
 * order and grouped into briefings of 8 with a 5-minute target at 150 words per minute. The rows carry no headline, so
 * each article's first reference highlight stands in for one (as a real page's headline, it restates the lead).
 * Each side cleans and writes with its own tree's cleaner and extractive writer; the old tree's src/ is exported with
 * `git archive` into a temporary folder. Both scripts are scored by this tree's ear check (src/ear-check). Length is
 * estimated from the word count (words / 150 per minute), not from synthesised audio; a briefing is "long enough" when
 * its cleaned sources hold at least the target's words. The checker's precision and recall on the hand-labelled set
 * (tests/fixtures/ear-check/labelled.json) are printed beside the counts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Article, ScriptDocument } from '../src/core/types.js';
import { checkScript, EAR_CHECK_CODES, type EarCheckCode } from '../src/ear-check/index.js';
import { evaluateEarCheck, type LabelledCase } from '../src/ear-check/evaluate.js';

const root = resolve(new URL('..', import.meta.url).pathname);
const TARGET_SECONDS = 300;
const WPM = 150;
const PER_BRIEFING = 8;

interface Side {
  name: string;
  clean: (article: Article) => Article;
  write: (input: { articles: Article[]; showTitle: string; language: string; date: Date; targetSeconds: number; wordsPerMinute: number }) => ScriptDocument;
}

function parseArgs(argv: readonly string[]) {
  const args = { limit: 1000, data: '/work/shared/data/news/cnndm_validation_1000.jsonl', oldCommit: '69b95e2', verbose: false, findings: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--limit' && value) args.limit = Number(argv[++i]);
    else if (flag === '--data' && value) args.data = argv[++i]!;
    else if (flag === '--old-commit' && value) args.oldCommit = argv[++i]!;
    else if (flag === '--verbose') args.verbose = true;
    else if (flag === '--findings') args.findings = true;
    else throw new Error(`unknown argument ${flag}; usage: bench-ear-check.ts [--limit N] [--data file.jsonl] [--old-commit SHA] [--verbose] [--findings]`);
  }
  if (!(args.limit >= PER_BRIEFING)) throw new Error(`--limit must be at least ${PER_BRIEFING}`);
  return args;
}

function readArticles(path: string, limit: number): Article[] {
  const out: Article[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (out.length >= limit) break;
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { id?: string; article?: string; reference?: string };
    if (!row.article?.trim()) continue;
    const headline = (row.reference ?? '').split('\n')[0]?.replace(/\s+\.\s*$/, '').trim() ?? '';
    out.push({ id: String(row.id ?? out.length), title: headline, text: row.article, source: 'bench' });
  }
  return out;
}

async function loadSide(name: string, srcRoot: string): Promise<Side> {
  const clean = (await import(join(srcRoot, 'src/clean/index.ts'))) as { cleanArticle: Side['clean'] };
  const writer = (await import(join(srcRoot, 'src/script/extractive-writer.ts'))) as { writeExtractiveScript: Side['write'] };
  return { name, clean: clean.cleanArticle, write: writer.writeExtractiveScript };
}

interface Tally {
  counts: Record<EarCheckCode, number>;
  articles: number;
  errors: { briefing: number; error: number; enough: boolean }[];
  failed: number;
  /** Goal findings (see GOALS), for --findings: briefing number, article ids in it, code, excerpt. */
  goalFindings: string[];
}

const GOALS: Partial<Record<EarCheckCode, string>> = { repetition: '0', 'context-opener': '0', 'unbalanced-quotes': '0', 'glued-dateline': '0' };

function words(text: string): number {
  return text.trim() ? text.trim().split(/\s+/).length : 0;
}

function run(side: Side, articles: Article[]): Tally {
  const tally: Tally = { counts: Object.fromEntries(EAR_CHECK_CODES.map((c) => [c, 0])) as Record<EarCheckCode, number>, articles: 0, errors: [], failed: 0, goalFindings: [] };
  for (let start = 0, briefing = 0; start + PER_BRIEFING <= articles.length; start += PER_BRIEFING, briefing++) {
    const cleaned: Article[] = [];
    for (const article of articles.slice(start, start + PER_BRIEFING)) {
      try {
        cleaned.push(side.clean(article));
      } catch {
        tally.failed++;
      }
    }
    tally.articles += PER_BRIEFING;
    if (cleaned.length === 0) continue;
    const script = side.write({ articles: cleaned, showTitle: 'Bench Briefing', language: 'en', date: new Date('2026-12-01T07:00:00Z'), targetSeconds: TARGET_SECONDS, wordsPerMinute: WPM });
    const report = checkScript(script, { targetSeconds: TARGET_SECONDS, wordsPerMinute: WPM });
    for (const code of EAR_CHECK_CODES) tally.counts[code] += report.counts[code];
    for (const finding of report.findings) {
      if (GOALS[finding.code] === undefined) continue;
      const segment = script.segments.find((s) => s.id === finding.segmentId);
      tally.goalFindings.push(`briefing ${briefing} (articles ${start + 1}-${start + PER_BRIEFING}), ${finding.code} in ${segment?.articleIds?.join(',') ?? finding.segmentId}: ${finding.excerpt ?? finding.message}`);
    }
    const sourceWords = cleaned.reduce((n, a) => n + words(a.text), 0);
    tally.errors.push({ briefing, error: report.lengthError ?? 0, enough: sourceWords >= (TARGET_SECONDS * WPM) / 60 });
  }
  return tally;
}

function pct(x: number): string {
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
}

function lengthSummary(t: Tally): string {
  const eligible = t.errors.filter((e) => e.enough);
  const within = eligible.filter((e) => Math.abs(e.error) <= 0.1).length;
  const abs = eligible.map((e) => Math.abs(e.error)).sort((a, b) => a - b);
  const worst = eligible.reduce((w, e) => (Math.abs(e.error) > Math.abs(w) ? e.error : w), 0);
  const median = abs[Math.floor(abs.length / 2)] ?? 0;
  return `${within}/${eligible.length} within ±10%, median |error| ${(median * 100).toFixed(1)}%, worst ${pct(worst)}`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const articles = readArticles(args.data, args.limit);
  const oldRoot = mkdtempSync(join(tmpdir(), 'briefcast-old-writer-'));
  try {
    execFileSync('sh', ['-c', `git -C "${root}" archive ${args.oldCommit} src package.json | tar -x -C "${oldRoot}"`]);
    symlinkSync(join(root, 'node_modules'), join(oldRoot, 'node_modules'));
    const sides = [await loadSide(`old (${args.oldCommit})`, oldRoot), await loadSide('new (this tree)', root)];
    const tallies = sides.map((side) => run(side, articles));
    const labelled = JSON.parse(readFileSync(join(root, 'tests/fixtures/ear-check/labelled.json'), 'utf8')) as LabelledCase[];
    const evaluation = evaluateEarCheck(labelled);

    const briefings = tallies[0]!.errors.length;
    console.log(`ear check, ${tallies[0]!.articles} articles in ${briefings} briefings of ${PER_BRIEFING}, target ${TARGET_SECONDS / 60} min at ${WPM} wpm`);
    console.log(`checker on ${labelled.length} labelled cases: precision ${evaluation.overall.precision.toFixed(3)}, recall ${evaluation.overall.recall.toFixed(3)}`);
    const header = ['finding (per 1,000 articles)'.padEnd(30), ...sides.map((s) => s.name.padStart(18)), 'checker recall'.padStart(16), 'goal'.padStart(6)].join('');
    console.log(header);
    for (const code of EAR_CHECK_CODES) {
      if (code === 'length') continue;
      const cells = tallies.map((t) => ((t.counts[code] * 1000) / t.articles).toFixed(1).padStart(18));
      const recall = evaluation.byCode[code]?.recall;
      console.log([code.padEnd(30), ...cells, (recall === undefined ? '-' : recall.toFixed(3)).padStart(16), (GOALS[code] ?? '-').padStart(6)].join(''));
    }
    console.log(['length beyond ±10% (briefings)'.padEnd(30), ...tallies.map((t) => String(t.counts.length).padStart(18))].join(''));
    for (let i = 0; i < sides.length; i++) console.log(`length, ${sides[i]!.name}: ${lengthSummary(tallies[i]!)} (briefings with enough source words)`);
    if (args.verbose) {
      for (let i = 0; i < sides.length; i++) console.log(`per-briefing length error, ${sides[i]!.name}: ${tallies[i]!.errors.map((e) => pct(e.error) + (e.enough ? '' : '*')).join(' ')}`);
    }
    if (args.findings) for (const line of tallies[tallies.length - 1]!.goalFindings) console.log(`finding, ${sides[sides.length - 1]!.name}: ${line}`);
  } finally {
    rmSync(oldRoot, { recursive: true, force: true });
  }
}

await main();
