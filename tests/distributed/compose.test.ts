import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { envSchema, loadConfig } from '../../src/config/env.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const run = promisify(execFile);

/** The `environment:` entries of one service in `docker-compose config` output (block style, two-space indents). */
function serviceEnvironment(resolved: string, service: string): Record<string, string> {
  const block = new RegExp(`\\n  ${service}:\\n([\\s\\S]*?)(?=\\n  [a-z][\\w-]*:\\n|\\nvolumes:|$)`).exec(resolved)?.[1] ?? '';
  const env = /\n    environment:\n((?: {6}.+\n?)+)/.exec(`\n${block}`)?.[1] ?? '';
  return Object.fromEntries([...env.matchAll(/^ {6}([A-Z0-9_]+): ?(.*)$/gm)].map((m) => [m[1]!, m[2]!.replace(/^(['"])(.*)\1$/, '$2')]));
}

describe('docker-compose.yml', () => {
  // Debian's docker-compose 1.29 validates and resolves the file offline; no Docker engine is needed (or available here).
  it('parses, and names for API and workers only variables the code reads, enough to run on Redis and MinIO', async () => {
    const { stdout } = await run('docker-compose', ['-f', 'docker-compose.yml', 'config'], { cwd: ROOT });
    const known = new Set(Object.keys(envSchema.shape));
    for (const service of ['api', 'worker']) {
      const env = serviceEnvironment(stdout, service);
      expect(Object.keys(env).length).toBeGreaterThan(5);
      for (const name of Object.keys(env)) expect(known, `${service} sets ${name}`).toContain(name);
      const config = loadConfig(env);
      expect(config.storage).toMatchObject({ kind: 's3', bucket: 'briefcast', endpoint: 'http://minio:9000', forcePathStyle: true });
      expect(config.distributed.redisUrl).toBe('redis://redis:6379');
    }
    expect(stdout).toMatch(/worker:[\s\S]*workers\/main\.ts/);
  });

  it('runs Redis with AOF and noeviction, and opens only the published prefix of the bucket', async () => {
    const text = await readFile(`${ROOT}docker-compose.yml`, 'utf8');
    expect(text).toMatch(/redis-server.*--appendonly", "yes"/);
    expect(text).toMatch(/--maxmemory-policy", "noeviction"/);
    expect(text).toContain('mc anonymous set download local/briefcast/public');
    const dockerfile = await readFile(`${ROOT}Dockerfile`, 'utf8');
    expect(dockerfile).toMatch(/apt-get install[^\n]*ffmpeg[^\n]*espeak-ng/);
  });
});
