import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { BriefcastError, ErrorCodes, isBriefcastError } from '../core/errors.js';
import { checkShowArtwork } from './artwork-check.js';
import { showConfigSchema, type ShowConfig } from './show-config.js';

/** One-line reason from a zod error: "field.path: message". */
export function describeZodError(error: z.ZodError): string {
  return describeProblems(error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`));
}

/** Every problem in one line (capped, so a file of garbage still gives a readable line). */
export function describeProblems(problems: string[]): string {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  const more = problems.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

const MAX_PROBLEMS_SHOWN = 20;

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
  const base = dirname(path);
  const local = (value: string | undefined) => (value && !/^https?:\/\//i.test(value) && !isAbsolute(value) ? resolve(base, value) : value);
  // Apple refuses bad artwork silently, long after publishing: refuse it here, before any work is done,
  // and together with every schema problem, so one run lists everything to fix.
  const artwork = raw && typeof raw === 'object' && typeof (raw as { artwork?: unknown }).artwork === 'string' ? local((raw as { artwork: string }).artwork) : undefined;
  const artworkProblem = await checkShowArtwork({ artwork }).then(
    () => undefined,
    (error: unknown) => (isBriefcastError(error) ? `artwork: ${error.message}` : `artwork: ${String(error)}`),
  );
  const parsed = showConfigSchema.safeParse(raw);
  if (!parsed.success || artworkProblem) {
    const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
    throw new BriefcastError(ErrorCodes.CONFIG_INVALID, describeProblems([...problems, ...(artworkProblem ? [artworkProblem] : [])]), { subject: path });
  }
  const show = parsed.data;
  return {
    ...show,
    artwork: local(show.artwork),
    music: show.music ? { ...show.music, intro: local(show.music.intro), outro: local(show.music.outro) } : undefined,
  };
}
