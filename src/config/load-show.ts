import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import { checkShowArtwork } from './artwork-check.js';
import { showConfigSchema, type ShowConfig } from './show-config.js';

/** One-line reason from a zod error: "field.path: message". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

export function parseShowConfig(value: unknown, subject = 'show'): ShowConfig {
  const parsed = showConfigSchema.safeParse(value);
  if (!parsed.success) throw new BriefcastError(ErrorCodes.CONFIG_INVALID, describeZodError(parsed.error), { subject });
  return parsed.data;
}

/** Reads a show file (JSON). Relative artwork and music paths are resolved against the file's folder. */
export async function loadShowFile(path: string): Promise<ShowConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new BriefcastError(ErrorCodes.CONFIG_NOT_FOUND, 'show configuration file cannot be read', { subject: path, cause: error });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new BriefcastError(ErrorCodes.CONFIG_INVALID, `not valid JSON: ${(error as Error).message}`, { subject: path, cause: error });
  }
  const show = parseShowConfig(raw, path);
  const base = dirname(path);
  const local = (value: string | undefined) => (value && !/^https?:\/\//i.test(value) && !isAbsolute(value) ? resolve(base, value) : value);
  const resolved = {
    ...show,
    artwork: local(show.artwork),
    music: show.music ? { ...show.music, intro: local(show.music.intro), outro: local(show.music.outro) } : undefined,
  };
  // Apple refuses bad artwork silently, long after publishing: refuse it here, before any work is done.
  await checkShowArtwork(resolved);
  return resolved;
}
