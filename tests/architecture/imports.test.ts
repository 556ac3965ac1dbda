import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const sourceRoots = ['src', 'workers'].map((dir) => join(root, dir));

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * Every module a file names: static imports (type-only too), re-exports,
 * dynamic `import()` and `require()`. The TypeScript scanner reads them, so
 * comments and strings that merely look like imports do not count.
 */
function specifiersOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((entry) => entry.fileName);
}

/** ".js" in an import maps to ".ts" on disk. */
function resolveLocal(file: string, specifier: string): string {
  const target = resolve(dirname(file), specifier);
  const asTs = target.replace(/\.js$/, '.ts');
  return existsSync(asTs) ? asTs : target;
}

/** "@scope/name/sub" -> "@scope/name"; "name/sub" -> "name"; "node:fs" stays. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const rel = (file: string) => relative(root, file);

/** The folders that hold stages and their shared kernel: plain modules, no queues, servers or vendor SDKs. */
const STAGE_FOLDER = /^src\/(pipeline|ingest|clean|script|tts|audio|feed|storage|config|core)\//;
/** Queues, HTTP servers, and service vendors' SDKs. */
const EDGE_PACKAGE = /^(bullmq|ioredis|fastify|fastify-plugin|fastify-type-provider-zod|@fastify\/.+|@bull-board\/.+|@aws-sdk\/.+|openai|@elevenlabs\/.+)$/;
const EDGE_FOLDER = /^src\/(queue|server)\//;
/** The named adapter files that may hold a vendor's SDK. */
const ADAPTER_FILE = /^src\/(tts\/providers\/[^/]+|storage\/s3-storage\.ts|script\/llm\/[^/]+)$/;
/**
 * Libraries that are not service vendors (parsers, validation, logging, local
 * engines). A package that is on neither list fails the test until someone
 * decides which it is.
 */
const NOT_A_VENDOR = new Set([
  'zod',
  'pino',
  'undici',
  'feedsmith',
  '@mozilla/readability',
  'linkedom',
  'marked',
  'tinyld',
  'image-size',
  'ipaddr.js',
  'piscina',
  'fluent-ffmpeg',
  'node-id3',
  'espeak-ng',
  '@ffmpeg-installer/ffmpeg',
  '@ffprobe-installer/ffprobe',
  'typescript',
]);
/** Allowed only inside the TTS provider adapters (a native runtime). */
const PROVIDER_ONLY = new Set(['onnxruntime-node']);

interface Edge {
  from: string;
  specifier: string;
  /** Repository-relative target for local imports; the package name otherwise. */
  target: string;
  local: boolean;
}

function edgesOf(file: string): Edge[] {
  return specifiersOf(file).map((specifier) => {
    const local = specifier.startsWith('.');
    return { from: rel(file), specifier, target: local ? rel(resolveLocal(file, specifier)) : packageOf(specifier), local };
  });
}

/** Why an edge out of a stage folder breaks the rules, or null when it does not. */
function stageViolation(edge: Edge): string | null {
  if (!STAGE_FOLDER.test(edge.from)) return null;
  if (edge.local) return EDGE_FOLDER.test(edge.target) ? `${edge.from} imports ${edge.target}` : null;
  if (edge.target.startsWith('node:')) return null;
  if (EDGE_PACKAGE.test(edge.target)) return ADAPTER_FILE.test(edge.from) ? null : `${edge.from} imports ${edge.target}`;
  if (PROVIDER_ONLY.has(edge.target)) return /^src\/tts\/providers\//.test(edge.from) ? null : `${edge.from} imports ${edge.target} outside src/tts/providers`;
  if (NOT_A_VENDOR.has(edge.target)) return null;
  return `${edge.from} imports ${edge.target}, which is not classified (vendor SDK or library?)`;
}

/** Strongly connected groups of more than one file, or a file importing itself (Tarjan). */
function importCycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || (graph.get(node) ?? []).includes(node)) groups.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return groups;
}

describe('module structure', () => {
  const files = sourceRoots.flatMap(sourceFiles);
  const edges = files.flatMap(edgesOf);
  const srcGraph = new Map<string, string[]>(files.map(rel).filter((file) => file.startsWith('src/')).map((file) => [file, []]));
  for (const edge of edges) if (edge.local) srcGraph.get(edge.from)?.push(edge.target);

  it('sees imports of every kind (guards the scanner the rules rely on)', () => {
    const kinds = ts.preProcessFile("import type { A } from './a.js';\nexport { B } from './b.js';\nconst c = await import('./c.js');\n", true, true).importedFiles;
    expect(kinds.map((entry) => entry.fileName)).toEqual(['./a.js', './b.js', './c.js']);
    expect(edges.length).toBeGreaterThan(files.length);
  });

  it('has no circular imports anywhere in src/ (type-only and dynamic imports included)', () => {
    expect(importCycles(srcGraph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c']]);
  });

  it('keeps pipeline and stage folders free of queues, servers and vendor SDKs, outside the named adapters', () => {
    expect(edges.map(stageViolation).filter((v): v is string => v !== null)).toEqual([]);
  });

  it('classifies edges as the rules say', () => {
    const edge = (from: string, target: string, local = false): Edge => ({ from, specifier: target, target, local });
    expect(stageViolation(edge('src/script/llm-writer.ts', 'openai'))).not.toBeNull();
    expect(stageViolation(edge('src/script/llm/openai-chat.ts', 'openai'))).toBeNull();
    expect(stageViolation(edge('src/pipeline/x.ts', 'src/queue/job-types.ts', true))).not.toBeNull();
    expect(stageViolation(edge('src/core/x.ts', '@fastify/static'))).not.toBeNull();
    expect(stageViolation(edge('src/tts/providers/polly.ts', '@aws-sdk/client-polly'))).toBeNull();
    expect(stageViolation(edge('src/tts/providers/polly.ts', 'src/queue/x.ts', true))).not.toBeNull();
    expect(stageViolation(edge('src/storage/s3-storage.ts', '@aws-sdk/client-s3'))).toBeNull();
    expect(stageViolation(edge('src/storage/local-storage.ts', '@aws-sdk/client-s3'))).not.toBeNull();
    expect(stageViolation(edge('src/ingest/x.ts', 'some-new-sdk'))).not.toBeNull();
    expect(stageViolation(edge('src/ingest/x.ts', 'undici'))).toBeNull();
    expect(stageViolation(edge('src/queue/x.ts', 'bullmq'))).toBeNull();
  });

  it('reads process.env only in the configuration module', () => {
    const readers = files.filter((file) => /process\.env\b/.test(readFileSync(file, 'utf8'))).map(rel);
    expect(readers.filter((file) => file !== 'src/config/env.ts')).toEqual([]);
  });

  it('keeps fluent-ffmpeg inside one module', () => {
    const users = edges.filter((edge) => edge.target === 'fluent-ffmpeg').map((edge) => edge.from);
    expect(users).toEqual(['src/audio/ffmpeg.ts']);
  });
});
