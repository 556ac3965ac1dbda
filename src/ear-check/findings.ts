/** What the ear check reports: one finding per defect a listener would hear. */
export const EAR_CHECK_CODES = [
  'repetition',
  'context-opener',
  'unbalanced-quotes',
  'caption-line',
  'glued-dateline',
  'unspeakable',
  'length',
] as const;

export type EarCheckCode = (typeof EAR_CHECK_CODES)[number];

export interface EarFinding {
  code: EarCheckCode;
  message: string;
  segmentId?: string;
  /** The sentence (or start of it) the finding is about. */
  excerpt?: string;
}

export function excerpt(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
