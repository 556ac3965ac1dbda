import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

/** Relative imports of a file, resolved to source paths (".js" in imports maps to ".ts" on disk). */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((specifier) => resolve(dirname(file), specifier).replace(/\.js$/, '.ts'));
}

function typeOnly(file: string, target: string): boolean {
  const text = readFileSync(file, 'utf8');
  const rel = relative(dirname(file), target).replace(/\.ts$/, '.js');
  const pattern = new RegExp(`import\\s+type\\s+[^;]*['"](\\./)?${rel.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"]`);
  return pattern.test(text);
}

describe('module structure', () => {
  const files = sourceRoots.flatMap(sourceFiles);
  const graph = new Map(files.map((file) => [file, localImports(file).filter((target) => !typeOnly(file, target))]));

  it('has no circular imports (type-only imports excepted)', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'visiting');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(root, f)).join(' -> '));
        else if (!state.has(next) && graph.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('reads process.env only in the configuration module', () => {
    const readers = files.filter((file) => /process\.env\b/.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    expect(readers.filter((file) => file !== 'src/config/env.ts')).toEqual([]);
  });

  it('keeps fluent-ffmpeg inside one module', () => {
    const users = files.filter((file) => /from ['"]fluent-ffmpeg['"]/.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    expect(users).toEqual(['src/audio/ffmpeg.ts']);
  });

  it('keeps stage modules free of queues, vendor SDKs and HTTP servers', () => {
    const stages = files.filter((file) => /\/src\/(ingest|clean|script|feed)\//.test(file));
    const offenders = stages.filter((file) => /from ['"](bullmq|ioredis|@aws-sdk\/[^'"]+|fastify)['"]/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });
});
