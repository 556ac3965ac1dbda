import { titleDay } from '../feed/episode-title.js';

/**
 * The spoken parts made for listeners. None names a story, so no listener
 * hears about one they do not get; the greeting is the only part that varies
 * by listener and is a piece cached by its text, so every Ana shares one.
 */
export function greetingText(name: string | undefined): string | undefined {
  return name ? `Hello, ${name}.` : undefined;
}

export function personalIntroText(showTitle: string, day: string): string {
  return `This is your personal ${showTitle} briefing for ${titleDay(day)}.`;
}

export function personalOutroText(): string {
  return 'That is all in your briefing today. Thank you for listening.';
}
