/**
 * Kokoro reads phonemes, so a lexicon's IPA can go straight in. The provider asks
 * for SSML with only <phoneme> and <sub> (see its limits), and this turns that small
 * subset back into text to phonemise and IPA to pass through. Other tags are dropped
 * and their text kept.
 */
export type SpeechPart = { text: string } | { ipa: string };

const ELEMENT = /<phoneme\b([^>]*)>([\s\S]*?)<\/phoneme>|<sub\b([^>]*)>([\s\S]*?)<\/sub>|<[^>]*>/g;

export function ssmlParts(ssml: string): SpeechPart[] {
  const parts: SpeechPart[] = [];
  const pushText = (text: string) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && 'text' in last) last.text += text;
    else parts.push({ text });
  };
  let end = 0;
  for (const match of ssml.matchAll(ELEMENT)) {
    pushText(unescape(ssml.slice(end, match.index)));
    end = (match.index ?? 0) + match[0].length;
    if (match[1] !== undefined) {
      const ipa = attribute(match[1], 'ph');
      const alphabet = attribute(match[1], 'alphabet') ?? 'ipa';
      if (ipa && alphabet === 'ipa') parts.push({ ipa });
      else pushText(unescape(match[2] ?? ''));
    } else if (match[3] !== undefined) {
      pushText(attribute(match[3], 'alias') ?? unescape(match[4] ?? ''));
    }
  }
  pushText(unescape(ssml.slice(end)));
  return parts;
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(attributes);
  return match ? unescape(match[1]!) : undefined;
}

function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (entity, name: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[name.toLowerCase()]) return named[name.toLowerCase()]!;
    const code = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
