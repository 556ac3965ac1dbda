import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

/** Packages a module loads before it runs: its static imports, followed through our own files (type-only imports are erased). */
async function staticPackages(entry: string): Promise<Set<string>> {
  const { metafile } = await build({ entryPoints: [root + entry], bundle: true, platform: 'node', format: 'esm', packages: 'external', write: false, metafile: true, logLevel: 'silent', outdir: '/tmp/unused' });
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const edge of metafile.inputs[file]?.imports ?? []) {
      if (edge.kind === 'dynamic-import') continue;
      if (edge.external) packages.add(edge.path);
      else visit(edge.path);
    }
  };
  visit(entry);
  return packages;
}

/**
 * The parsers, the cleaning rules' language detector and the feed parser run in
 * the worker pool; loading them on the main thread as well cost a CLI build
 * about 0.3 s before its first step (linkedom 0.12 s, tinyld 0.11 s). The server,
 * the queues and the feed builder load when a command or step needs them.
 */
describe('the main thread of a CLI build', () => {
  it('loads none of the worker pool packages', async () => {
    const packages = await staticPackages('src/cli/program.ts');
    for (const name of ['linkedom', 'marked', '@mozilla/readability', 'tinyld']) expect(packages.has(name), name).toBe(false);
    // The scan sees the packages the main thread does load.
    expect(packages.has('fluent-ffmpeg')).toBe(true);
  });

  it('loads neither the HTTP server nor the queues until a command starts them', async () => {
    const packages = await staticPackages('src/cli/program.ts');
    for (const name of ['fastify', 'bullmq', 'ioredis', '@bull-board/api', 'feedsmith']) expect(packages.has(name), name).toBe(false);
    // They are still reached, through the commands' dynamic imports.
    const serve = await staticPackages('src/server/create-server.ts');
    expect(serve.has('fastify')).toBe(true);
  });

  it("keeps a queue worker's script-only thread entry free of the parsing packages", async () => {
    const packages = await staticPackages('src/offthread/script-worker.ts');
    for (const name of ['linkedom', 'marked', '@mozilla/readability', 'tinyld', 'feedsmith']) expect(packages.has(name), name).toBe(false);
  });

  it('reaches the worker pool packages from the worker entry (guards the scan)', async () => {
    const packages = await staticPackages('src/offthread/offthread-worker.ts');
    for (const name of ['linkedom', 'marked', '@mozilla/readability', 'tinyld']) expect(packages.has(name), name).toBe(true);
  });
});
