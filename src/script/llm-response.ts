/**
 * What the model is asked to return: a JSON schema for structured output
 * (strict mode: every field required, no others) and the zod schema that
 * checks the reply, since a server may ignore the format it was given.
 */
import { z } from 'zod';

export const LLM_SEGMENT_KINDS = ['intro', 'story', 'transition', 'outro'] as const;

export const llmScriptSchema = z
  .object({
    segments: z
      .array(
        z
          .object({
            kind: z.enum(LLM_SEGMENT_KINDS),
            articleIds: z.array(z.string().min(1)),
            text: z.string().refine((t) => t.trim() !== '', 'must contain words'),
            speaker: z.string().min(1).nullable(),
          })
          .strict(),
      )
      .min(2),
  })
  .strict();

export type LlmScript = z.infer<typeof llmScriptSchema>;

/** The same shape as JSON Schema, for `response_format: { type: "json_schema" }`. */
export const llmScriptJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['segments'],
  properties: {
    segments: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'articleIds', 'text', 'speaker'],
        properties: {
          kind: { type: 'string', enum: [...LLM_SEGMENT_KINDS] },
          articleIds: { type: 'array', items: { type: 'string' }, description: 'Ids of the source articles this segment tells (story segments only).' },
          text: { type: 'string', description: 'Words to speak, written for the ear.' },
          speaker: { type: ['string', 'null'], description: 'Host name in a two-host dialogue, otherwise null.' },
        },
      },
    },
  },
} as const;
