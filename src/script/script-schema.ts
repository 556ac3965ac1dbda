/** Validation of JSON script documents, e.g. a producer's edited script before audio is rebuilt from it. */
import { z } from 'zod';
import { BriefcastError, ErrorCodes } from '../core/errors.js';
import type { ScriptDocument } from '../core/types.js';

/** Ids appear in the text format's headers, so they may not contain whitespace or brackets. */
const idSchema = z.string().regex(/^[^\s[\]]+$/, 'must be non-empty, without spaces or brackets');

export const sourceRefSchema = z
  .object({
    title: z.string(),
    url: z.string().min(1).optional(),
    siteName: z.string().min(1).optional(),
  })
  .strict();

export const scriptSegmentSchema = z
  .object({
    id: idSchema,
    kind: z.enum(['intro', 'story', 'transition', 'outro']),
    text: z.string().refine((t) => t.trim() !== '', 'must contain words to speak'),
    title: z.string().min(1).optional(),
    articleIds: z.array(idSchema).min(1).optional(),
    sources: z.array(sourceRefSchema).optional(),
    voice: z.string().min(1).optional(),
    language: z.string().min(2).optional(),
  })
  .strict();

export const scriptDocumentSchema = z
  .object({
    version: z.literal(1),
    showTitle: z.string().min(1),
    date: z.iso.date(),
    language: z.string().min(2),
    writer: z.string().min(1),
    segments: z.array(scriptSegmentSchema).min(1, 'a script needs at least one segment'),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.segments.forEach((segment, i) => {
      if (seen.has(segment.id)) {
        ctx.addIssue({ code: 'custom', path: ['segments', i, 'id'], message: `duplicate segment id "${segment.id}"` });
      }
      seen.add(segment.id);
    });
  });

function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** The first few problems of a zod error, each as "path: message". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issuePath(issue.path) || '(document)'}: ${issue.message}`)
    .join('; ');
}

/** Validates an unknown value as a script document; throws SCRIPT_INVALID naming the first offending paths. */
export function parseScriptDocument(value: unknown, subject?: string): ScriptDocument {
  const result = scriptDocumentSchema.safeParse(value);
  if (result.success) return result.data as ScriptDocument;
  return fail(`invalid script: ${describeIssues(result.error)}`, subject, result.error);
}

function fail(message: string, subject: string | undefined, cause: unknown): never {
  throw new BriefcastError(ErrorCodes.SCRIPT_INVALID, message, { ...(subject ? { subject } : {}), cause });
}

/** Parses and validates a JSON script file's contents. */
export function parseScriptJson(json: string, subject?: string): ScriptDocument {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    fail(`script is not valid JSON: ${(error as Error).message}`, subject, error);
  }
  return parseScriptDocument(value, subject);
}
