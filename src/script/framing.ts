/** The words around the stories: intro, transitions and outro. Deterministic, and free of anything a story's audio would depend on. */
import { spokenLongDate } from './spoken-numbers.js';

const TRANSITIONS = ['Next.', 'In other news.', 'Also today.', 'Turning to another story.'];

/** A headline as a spoken sentence: rewritten text with closing punctuation. */
export function headlineSentence(spokenHeadline: string): string {
  const text = spokenHeadline.trim();
  if (text === '') return '';
  return /[.!?]["']?$/.test(text) ? text : `${text.replace(/[,;:–-]+$/, '').trim()}.`;
}

function listHeadlines(headlines: readonly string[]): string {
  const items = headlines.map((h) => h.trim().replace(/[.!?;:,]+$/, '')).filter(Boolean);
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join('; ')}; and ${items[items.length - 1]}`;
}

export function introText(showTitle: string, date: Date, spokenHeadlines: readonly string[]): string {
  const opening = `This is ${showTitle.trim()}, your briefing for ${spokenLongDate(date)}.`;
  const list = listHeadlines(spokenHeadlines.slice(0, 3));
  return list ? `${opening} Today: ${list}.` : opening;
}

/** The transition read before the story at `index` (1-based position among stories after the first). */
export function transitionText(index: number, storyCount: number): string {
  if (index === storyCount - 1) return 'And finally.';
  return TRANSITIONS[(index - 1) % TRANSITIONS.length] ?? 'Next.';
}

export function outroText(showTitle: string): string {
  return `That's all for today. This has been ${showTitle.trim()}. Thanks for listening.`;
}
