/** Sentence splitting via ICU (Intl.Segmenter), which already knows most abbreviations and quotes. */
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function splitSentences(paragraph: string): string[] {
  return Array.from(segmenter.segment(paragraph), (part) => part.segment.trim()).filter(Boolean);
}

export function collapse(value: string): string {
  return value.replace(/[\s\u00a0]+/g, ' ').trim();
}
