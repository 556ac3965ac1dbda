import { uuidV5 } from './podcast-guid.js';
import { absoluteUrl, requireAbsoluteUrl } from './urls.js';

/**
 * Alexa Flash Briefing feed (JSON form). Alexa plays the newest item first and
 * reads at most a handful, so the feed carries the five newest. An item with
 * `streamUrl` is played as audio; one without is read aloud by Alexa from
 * `mainText`, which must be plain text under 4,500 characters.
 */
export const FLASH_MAX_ITEMS = 5;
export const FLASH_MAX_TEXT_CHARS = 4_499;

export interface FlashEntry {
  /** Stable per episode (the RSS guid), turned into a urn:uuid. */
  guid: string;
  /** When the item last changed. */
  date: string;
  title: string;
  /** Plain words: the summary for audio items, the script for text items. */
  text: string;
  /** Speaker-rendition audio; absent for text-only items (drafts, or no rendition). */
  streamUrl?: string;
}

export interface FlashItem {
  uid: string;
  updateDate: string;
  titleText: string;
  mainText: string;
  streamUrl?: string;
  redirectionUrl: string;
}

export function buildFlashBriefing(entries: FlashEntry[], options: { namespace: string; redirectionUrl: string }): FlashItem[] {
  const redirectionUrl = requireAbsoluteUrl(options.redirectionUrl, 'flash briefing redirection URL');
  return [...entries]
    .sort((a, b) => b.date.localeCompare(a.date) || b.guid.localeCompare(a.guid))
    .slice(0, FLASH_MAX_ITEMS)
    .map((entry) => {
      const streamUrl = absoluteUrl(entry.streamUrl);
      return {
        uid: `urn:uuid:${uuidV5(entry.guid, options.namespace)}`,
        updateDate: alexaDate(entry.date),
        titleText: plainText(entry.title, 250),
        mainText: plainText(entry.text, FLASH_MAX_TEXT_CHARS),
        ...(streamUrl ? { streamUrl } : {}),
        redirectionUrl,
      };
    });
}

const ENTITY_TEXT: Record<string, string> = { amp: '&', quot: '"', apos: "'", '#39': "'" };

/** The format Alexa documents: yyyy-MM-dd'T'HH:mm:ss'.0Z', in UTC. */
export function alexaDate(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19)}.0Z`;
}

/**
 * Alexa speaks mainText as written: no markup, no entities, no line breaks, and a
 * cut at a sentence end rather than mid-word when the text is too long.
 */
export function plainText(text: string, maxChars: number): string {
  // Angle brackets are dropped, not what they enclose: a headline like "<Mirrors>" keeps its word.
  const plain = text
    .replace(/&(amp|quot|apos|#39|#\d+|#x[\da-f]+|[a-z]+);/gi, (_, name: string) => ENTITY_TEXT[name.toLowerCase()] ?? ' ')
    .replace(/[<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= maxChars) return plain;
  const cut = plain.slice(0, maxChars);
  const sentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  if (sentenceEnd > maxChars / 2) return cut.slice(0, sentenceEnd + 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 0 ? space : maxChars - 1).trimEnd()}…`.slice(0, maxChars);
}
