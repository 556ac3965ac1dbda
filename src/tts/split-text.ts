/**
 * Splits text into chunks no longer than maxCharacters, on sentence
 * boundaries where possible, then on word boundaries for run-on sentences.
 */
export function splitText(text: string, maxCharacters: number, locale = 'en'): string[] {
  const trimmed = text.trim();
  if (trimmed.length <= maxCharacters) return trimmed ? [trimmed] : [];
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const chunks: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) chunks.push(current.trim());
    current = '';
  };
  for (const { segment } of segmenter.segment(trimmed)) {
    for (const piece of segment.length > maxCharacters ? splitOnWords(segment, maxCharacters) : [segment]) {
      if (current.length + piece.length > maxCharacters) flush();
      current += piece;
    }
  }
  flush();
  return chunks;
}

function splitOnWords(sentence: string, maxCharacters: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const word of sentence.split(/(?<=\s)/)) {
    if (current.length + word.length > maxCharacters && current) {
      pieces.push(current);
      current = '';
    }
    // A single word longer than the limit is cut hard; it cannot be spoken anyway.
    for (let start = 0; start < word.length; start += maxCharacters) {
      const part = word.slice(start, start + maxCharacters);
      if (current.length + part.length > maxCharacters) {
        pieces.push(current);
        current = '';
      }
      current += part;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}
